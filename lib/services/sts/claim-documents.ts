import type { Db } from "../../db";
import { findStsInvoices, updateStsRecordIfUnchanged, type StsInvoice } from "../../data/sts-documents";
import { isoDate } from "../../domain/dates";
import { transition } from "../../domain/sts/record";
import { isSendable, type StsPendingOperation } from "../../domain/sts/status";
import { env } from "../../env";
import { hasStsCredentials, statusOf } from "./refresh-sts-state";
import { parseStsRecord } from "./sts-view";

export const MAX_BATCH = 25;

export type ClaimedDocument = { invoice: StsInvoice; pending: StsPendingOperation; version: number };

// States whose documents may be (re)sent: yellow, and red ones the rules allow to retry (see isSendable).
const CANDIDATE_STATES = ["to_send", "failed", "rejected"];

// Creates a submission and claims up to `limit` documents for it, each with the first operation it needs.
// A document is claimed by a conditional update on its record's revision, so when several web instances or
// workers race for the same document exactly one of them gets it; the others skip it. Returns null when there
// was nothing to claim (no empty submission is left behind).
export async function claimDocuments(options: {
  db: Db;
  practitionerId: string;
  trigger: "manual" | "automatic";
  channel: "async" | "sync";
  invoiceIds?: string[];
  minIssueDate?: string;
  limit?: number;
  slotKey?: string;
  /** The portal upload needs no stored password or PIN: judge eligibility as if they were set. */
  withoutCredentials?: boolean;
  now?: Date;
}) {
  const { db, practitionerId } = options;
  const now = options.now ?? new Date();
  const limit = Math.min(options.limit ?? MAX_BATCH, MAX_BATCH);
  const configured = options.withoutCredentials || (await hasStsCredentials(db, practitionerId));
  const candidates = await findStsInvoices(
    db,
    practitionerId,
    {
      stsState: { in: options.withoutCredentials ? [...CANDIDATE_STATES, "not_eligible"] : CANDIDATE_STATES },
      ...(options.invoiceIds ? { id: { in: options.invoiceIds } } : {}),
      ...(options.minIssueDate ? { issueDate: { gte: options.minIssueDate } } : {}),
    },
    limit * 2,
  );
  // Nothing to look at: no submission to create and delete (the automatic run ends every practitioner this way).
  if (candidates.length === 0) return null;
  const today = isoDate(now);
  const submission = await db.stsSubmission.create({
    data: {
      practitionerId,
      trigger: options.trigger,
      channel: options.channel,
      environment: env().STS_ENVIRONMENT,
      status: "preparing",
      documentCount: 0,
      slotKey: options.slotKey,
    },
  });
  const claimed: ClaimedDocument[] = [];
  for (const invoice of candidates) {
    if (claimed.length >= limit) break;
    const status = statusOf(invoice, configured, today);
    const pending = status.pending[0];
    if (!isSendable(status) || !pending) continue;
    const record = transition(parseStsRecord(invoice.stsRecord), {
      type: "send_started",
      operation: pending.operation,
      identity: pending.identity,
      version: invoice.contentVersion,
      submissionId: submission.id,
    });
    const won = await updateStsRecordIfUnchanged(db, invoice, { stsRecord: JSON.stringify(record), stsState: "sending", stsReason: null });
    if (!won) continue;
    claimed.push({ invoice: { ...invoice, stsRecord: JSON.stringify(record), stsRecordRev: invoice.stsRecordRev + 1 }, pending, version: invoice.contentVersion });
  }
  // The submission's lines in one insert. A crash before it leaves documents whose record names this submission
  // without a line: sweepStuck writes the missing lines (it already had to, for a crash between two documents).
  if (claimed.length > 0) {
    await db.stsSubmissionDocument.createMany({
      data: claimed.map(({ invoice, pending, version }) => ({
        submissionId: submission.id,
        invoiceId: invoice.id,
        practitionerId,
        operation: pending.operation,
        identity: pending.identity,
        version,
      })),
    });
  }
  if (claimed.length === 0) {
    await db.stsSubmission.delete({ where: { id: submission.id } });
    return null;
  }
  const ready = await db.stsSubmission.update({
    where: { id: submission.id },
    data: { documentCount: claimed.length, status: "uploading" },
  });
  return { submission: ready, documents: claimed };
}
