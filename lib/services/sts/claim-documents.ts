import type { Db } from "../../db";
import { createSubmissionWithClaim, newSubmissionId } from "../../data/sts-batch-saves";
import { findStsInvoices, type StsInvoice, type StsRecordChange } from "../../data/sts-documents";
import {
  deleteSubmission,
  insertSubmissionLines,
  updateSubmission,
  type NewSubmission,
} from "../../data/sts-worker-sql";
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
// Candidates are read a page at a time until the batch is full: documents that cannot go (a red one STS refused,
// waiting for a fix) never hide the sendable ones dated after them.
const PAGE = 2 * MAX_BATCH;

// Creates a submission and claims up to `limit` documents for it, each with the first operation it needs.
// The documents are claimed in one conditional update on each record's revision, so when several web instances
// or workers race for the same document exactly one of them gets it; the others skip it. Returns null when there
// was nothing to claim (no submission is created). `more` tells whether documents may be left beyond this batch.
// The two invoices of an "Annulla e riemetti" go in the same batch: the partner of a document chosen is chosen
// with it when it can be sent, even if it was not selected or is dated before the automatic minimum date.
export async function claimDocuments(options: {
  db: Db;
  practitionerId: string;
  trigger: "manual" | "automatic";
  channel: "async" | "sync";
  invoiceIds?: string[];
  /** The automatic minimum date (first insertions only: see StsInvoiceFilter.automaticFrom). */
  automaticFrom?: string;
  limit?: number;
  slotKey?: string;
  /** The portal upload needs no stored password or PIN: judge eligibility as if they were set. */
  withoutCredentials?: boolean;
  /** Whether the partner of a reissued invoice is claimed with it (default true). */
  partners?: boolean;
  /** Whether the credentials are stored, when the caller has just read them. */
  credentialsConfigured?: boolean;
  now?: Date;
}) {
  const { db, practitionerId } = options;
  const now = options.now ?? new Date();
  const limit = Math.min(options.limit ?? MAX_BATCH, MAX_BATCH);
  const configured =
    options.withoutCredentials || (options.credentialsConfigured ?? (await hasStsCredentials(db, practitionerId)));
  const today = isoDate(now);
  const filter = {
    states: options.withoutCredentials ? [...CANDIDATE_STATES, "not_eligible"] : CANDIDATE_STATES,
    ids: options.invoiceIds,
    automaticFrom: options.automaticFrom,
  };
  const chosen: ClaimedDocument[] = [];
  const sendable = (invoice: StsInvoice): ClaimedDocument | null => {
    const status = statusOf(invoice, configured, today);
    const pending = status.pending[0];
    return isSendable(status) && pending ? { invoice, pending, version: invoice.contentVersion } : null;
  };
  const sendablePartner = async (invoice: StsInvoice): Promise<ClaimedDocument[]> => {
    const partnerId = invoice.replacesInvoiceId ?? invoice.replacedById;
    if (options.partners === false || !partnerId || chosen.some((c) => c.invoice.id === partnerId)) return [];
    const [partner] = await findStsInvoices(db, practitionerId, { ids: [partnerId], states: filter.states });
    const doc = partner ? sendable(partner) : null;
    return doc ? [doc] : [];
  };
  let more = false;
  scan: for (let skip = 0; chosen.length < limit; skip += PAGE) {
    const candidates = await findStsInvoices(db, practitionerId, filter, { take: PAGE, skip });
    for (const invoice of candidates) {
      if (chosen.some((c) => c.invoice.id === invoice.id)) continue; // already in, as a partner
      const doc = sendable(invoice);
      if (!doc) continue;
      const group = [doc, ...(await sendablePartner(invoice))];
      if (chosen.length + group.length > limit) {
        more = true;
        // A pair never fits a batch of one ("Invia ora" sends the partner itself): the document goes alone.
        if (chosen.length === 0 && limit === 1) chosen.push(doc);
        break scan;
      }
      chosen.push(...group);
    }
    if (candidates.length < PAGE) break;
    if (chosen.length >= limit) more = true;
  }
  if (chosen.length === 0) return null;

  // The submission and the claim in one unit (one round trip on PostgreSQL): a submission no document names is
  // deleted below, in the rare case where every document was lost to a concurrent claim.
  const submission: NewSubmission & { id: string } = {
    id: newSubmissionId(),
    practitionerId,
    trigger: options.trigger,
    channel: options.channel,
    environment: env().STS_ENVIRONMENT,
    // Written as uploading from the start: the documents are claimed for it in the next statement.
    status: "uploading",
    documentCount: chosen.length,
    slotKey: options.slotKey,
  };
  const changes: StsRecordChange[] = chosen.map(({ invoice, pending }) => ({
    id: invoice.id,
    rev: invoice.stsRecordRev,
    stsRecord: JSON.stringify(
      transition(parseStsRecord(invoice.stsRecord), {
        type: "send_started",
        operation: pending.operation,
        identity: pending.identity,
        version: invoice.contentVersion,
        submissionId: submission.id,
      }),
    ),
    stsState: "sending",
    stsReason: null,
  }));
  const won = await createSubmissionWithClaim(db, { submission, changes });
  const claimed = chosen
    .map((doc, i): ClaimedDocument => ({
      ...doc,
      invoice: {
        ...doc.invoice,
        stsRecord: changes[i]!.stsRecord,
        stsState: "sending",
        stsReason: null,
        stsRecordRev: doc.invoice.stsRecordRev + 1,
      },
    }))
    .filter((doc) => won.has(doc.invoice.id));
  if (claimed.length === 0) {
    await deleteSubmission(db, submission.id);
    return null;
  }
  // The submission's lines in one insert. A crash before it leaves documents whose record names this submission
  // without a line: sweepStuck writes the missing lines.
  await insertSubmissionLines(
    db,
    claimed.map(({ invoice, pending, version }) => ({
      submissionId: submission.id,
      invoiceId: invoice.id,
      practitionerId,
      operation: pending.operation,
      identity: pending.identity,
      version,
    })),
  );
  if (claimed.length !== chosen.length) await updateSubmission(db, submission.id, { documentCount: claimed.length });
  return { submission: { id: submission.id }, documents: claimed, more };
}
