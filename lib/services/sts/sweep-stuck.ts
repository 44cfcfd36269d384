import type { Db } from "../../db";
import { findStsInvoices } from "../../data/sts-documents";
import { saveExchanges } from "../../data/sts-exchanges";
import { isoDate } from "../../domain/dates";
import type { StsCodeRef, StsEvent } from "../../domain/sts/record";
import { applyStsEvent, messageCodeRefs } from "./apply-sts-event";
import { refreshStsState } from "./refresh-sts-state";
import { createClientFor, loadStsCredentials } from "./sts-connection";
import { parseStsRecord, stsDocumentOf, stsFactsOf } from "./sts-view";

const STUCK_AFTER_MS = 5 * 60_000;
// STS answers these when the attempt it is asked again had already landed (docs/STS-PROTOCOL.md §10.1).
const ALREADY_DONE: Record<string, string[]> = { I: ["S017"], R: ["S017"], C: ["X001", "W010"] };

// Work stuck between states, bounded on both sides (only what is older than a few minutes, at most `limit`):
// 1. submissions whose process died before or during the upload: their documents become "uncertain";
// 2. uncertain documents are resolved by asking STS again through the synchronous service, where a duplicate is
//    refused (S017), so the answer tells whether the first attempt had landed — never a second insert;
// 3. grey documents waiting for a date (payment date in the future) are re-evaluated.
export async function sweepStuck(options: { db: Db; now?: Date; limit?: number; log?: (line: string) => void }) {
  const { db } = options;
  const now = options.now ?? new Date();
  const before = new Date(now.getTime() - STUCK_AFTER_MS);
  const limit = options.limit ?? 100;
  const stuck = await db.stsSubmission.findMany({
    where: { status: { in: ["preparing", "uploading"] }, updatedAt: { lt: before } },
    include: { documents: true },
    take: limit,
  });
  for (const submission of stuck) {
    await db.stsSubmission.update({
      where: { id: submission.id },
      data: { status: "uncertain", errorMessage: "Invio interrotto: esito da verificare." },
    });
    // A process that died between claiming a document (its record names this submission) and writing the
    // submission's line for it: write the line now, or the document would stay "sending" for ever.
    const claimed = await findStsInvoices(db, submission.practitionerId, {
      states: ["sending"],
      notIds: submission.documents.map((d) => d.invoiceId),
    });
    for (const invoice of claimed) {
      const attempt = parseStsRecord(invoice.stsRecord).attempt;
      if (attempt?.submissionId !== submission.id) continue;
      const line = {
        submissionId: submission.id,
        invoiceId: invoice.id,
        practitionerId: submission.practitionerId,
        operation: attempt.operation,
        identity: attempt.identity,
        version: attempt.version,
      };
      submission.documents.push(await db.stsSubmissionDocument.create({ data: line }));
    }
    for (const doc of submission.documents) {
      const [invoice] = await findStsInvoices(db, submission.practitionerId, { ids: [doc.invoiceId] });
      if (!invoice || parseStsRecord(invoice.stsRecord).phase !== "sending") continue;
      await applyStsEvent(db, {
        practitionerId: submission.practitionerId,
        invoiceId: doc.invoiceId,
        submissionId: submission.id,
        event: { type: "outcome_unknown" },
        outcome: "pending",
        now,
      });
    }
  }
  const resolved = await resolveUncertain(db, { now, limit, log: options.log });
  const waiting = await db.invoice.findMany({
    where: { stsState: "not_eligible", paymentDate: { lte: isoDate(now) } },
    select: { id: true, practitionerId: true },
    take: limit,
  });
  for (const w of waiting) await refreshStsState(db, { practitionerId: w.practitionerId, invoiceIds: [w.id], now });
  return { stuck: stuck.length, resolved, refreshed: waiting.length };
}

async function resolveUncertain(db: Db, options: { now: Date; limit: number; log?: (line: string) => void }) {
  const candidates = await db.invoice.findMany({
    where: { stsState: "sending", updatedAt: { lt: new Date(options.now.getTime() - 60_000) } },
    select: { id: true, practitionerId: true },
    take: options.limit,
  });
  let resolved = 0;
  for (const { id, practitionerId } of candidates) {
    const [invoice] = await findStsInvoices(db, practitionerId, { ids: [id] });
    const record = parseStsRecord(invoice?.stsRecord);
    const attempt = record.attempt;
    if (!invoice || record.phase !== "uncertain" || !attempt) continue;
    const credentials = await loadStsCredentials(db, practitionerId);
    if (!credentials) continue;
    // A credit note's record always names the invoice it refunds.
    const refundOf = invoice.kind === "credit_note" ? stsFactsOf(invoice, true).creditedInvoice?.identity : undefined;
    const result = await createClientFor(credentials, { db }).sendDocument(
      stsDocumentOf(invoice, { operation: attempt.operation, identity: attempt.identity, refundOf }),
    );
    await saveExchanges(db, practitionerId, attempt.submissionId, result.exchanges);
    let event: StsEvent | null = null;
    let outcome: "accepted" | "accepted_with_warnings" | "pending" = "pending";
    let codes: StsCodeRef[] = [];
    if (result.kind === "accepted" || result.kind === "accepted_with_warnings") {
      event = { type: "resolved_as_sent" };
      outcome = result.kind;
    } else if (result.kind === "rejected") {
      codes = messageCodeRefs(result.messages);
      const landed = result.messages.some((m) => (ALREADY_DONE[attempt.operation] ?? []).includes(m.code));
      event = landed ? { type: "resolved_as_sent" } : { type: "resolved_as_not_sent" };
      outcome = landed ? "accepted" : "pending";
    }
    if (!event) continue; // STS still unreachable: try again at the next sweep
    await applyStsEvent(db, {
      practitionerId,
      invoiceId: id,
      submissionId: attempt.submissionId,
      event,
      outcome: outcome === "pending" ? undefined : outcome,
      codes,
      now: options.now,
    });
    options.log?.(
      `uncertain ${attempt.operation} of ${id} resolved as ${event.type === "resolved_as_sent" ? "sent" : "not sent"}`,
    );
    resolved++;
  }
  return resolved;
}
