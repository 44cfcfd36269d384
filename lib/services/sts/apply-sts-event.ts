import type { DbOrTx } from "../../db";
import { findStsInvoices, updateStsRecordIfUnchanged } from "../../data/sts-documents";
import { findStsSettings } from "../../data/sts-settings";
import { isoDate } from "../../domain/dates";
import { transition, type StsCodeRef, type StsEvent } from "../../domain/sts/record";
import { credentialsConfigured, refreshStsState, statusOf } from "./refresh-sts-state";
import { parseStsRecord } from "./sts-view";
import type { StsMessage } from "../../sts/client/sts-client";

export type DocumentOutcome = "accepted" | "accepted_with_warnings" | "rejected" | "failed" | "pending";

// Applies one transmission event to a document's STS record (the pure state machine decides the next record),
// stores it with its derived state, and notes the outcome on the submission's document line.
export async function applyStsEvent(
  db: DbOrTx,
  options: {
    practitionerId: string;
    invoiceId: string;
    submissionId: string;
    event: StsEvent;
    outcome?: DocumentOutcome;
    codes?: StsCodeRef[];
    now?: Date;
  },
) {
  const { practitionerId, invoiceId, submissionId } = options;
  const configured = credentialsConfigured(await findStsSettings(db, practitionerId));
  const today = isoDate(options.now ?? new Date());
  // The revision check makes this safe against a concurrent claim; retry on a lost race with a fresh read.
  for (let attempt = 0; attempt < 5; attempt++) {
    const [invoice] = await findStsInvoices(db, practitionerId, { id: invoiceId });
    if (!invoice) return;
    const record = transition(parseStsRecord(invoice.stsRecord), options.event);
    const status = statusOf({ ...invoice, stsRecord: JSON.stringify(record) }, configured, today);
    const saved = await updateStsRecordIfUnchanged(db, invoice, {
      stsRecord: JSON.stringify(record),
      stsState: status.state,
      stsReason: status.reason,
    });
    if (saved) break;
    if (attempt === 4) throw new Error(`STS record of ${invoiceId} kept changing`);
  }
  if (options.outcome) {
    await db.stsSubmissionDocument.updateMany({
      where: { submissionId, invoiceId, practitionerId },
      data: { outcome: options.outcome, codes: options.codes ? JSON.stringify(options.codes) : undefined },
    });
  }
  // A credit note waiting for its original can become sendable now.
  const notes = await db.invoice.findMany({ where: { creditedInvoiceId: invoiceId, practitionerId }, select: { id: true } });
  if (notes.length) {
    await refreshStsState(db, { practitionerId, invoiceIds: notes.map((n) => n.id) });
  }
}

export type StsEventItem = { invoiceId: string; event: StsEvent; outcome?: DocumentOutcome; codes?: StsCodeRef[] };

// applyStsEvent for many documents of one practitioner and submission (a batch's 25 after its upload): the same
// result, with the settings, the documents and their credit notes read once and the submission lines updated in
// one statement per distinct outcome, instead of about eight queries per document. Each record is still saved
// with its own revision check; a document that lost a race goes through applyStsEvent (fresh read and retry).
export async function applyStsEvents(
  db: DbOrTx,
  options: { practitionerId: string; submissionId: string; items: StsEventItem[]; now?: Date },
) {
  const { practitionerId, submissionId, items } = options;
  if (items.length === 0) return;
  const configured = credentialsConfigured(await findStsSettings(db, practitionerId));
  const today = isoDate(options.now ?? new Date());
  const invoices = new Map((await findStsInvoices(db, practitionerId, { id: { in: items.map((i) => i.invoiceId) } })).map((i) => [i.id, i]));
  const lines = new Map<string, { outcome: DocumentOutcome; codes?: string; invoiceIds: string[] }>();
  for (const item of items) {
    const invoice = invoices.get(item.invoiceId);
    if (!invoice) continue; // as applyStsEvent: a vanished document is left alone, line included
    const record = transition(parseStsRecord(invoice.stsRecord), item.event);
    const status = statusOf({ ...invoice, stsRecord: JSON.stringify(record) }, configured, today);
    const saved = await updateStsRecordIfUnchanged(db, invoice, { stsRecord: JSON.stringify(record), stsState: status.state, stsReason: status.reason });
    if (!saved) {
      await applyStsEvent(db, { practitionerId, submissionId, ...item, now: options.now });
      continue;
    }
    if (item.outcome) {
      const codes = item.codes ? JSON.stringify(item.codes) : undefined;
      const key = `${item.outcome}|${codes ?? ""}`;
      const line = lines.get(key) ?? { outcome: item.outcome, codes, invoiceIds: [] };
      line.invoiceIds.push(item.invoiceId);
      lines.set(key, line);
    }
  }
  for (const line of lines.values()) {
    await db.stsSubmissionDocument.updateMany({
      where: { submissionId, invoiceId: { in: line.invoiceIds }, practitionerId },
      data: { outcome: line.outcome, codes: line.codes },
    });
  }
  // Credit notes waiting for one of these originals can become sendable now.
  const notes = await db.invoice.findMany({ where: { creditedInvoiceId: { in: [...invoices.keys()] }, practitionerId }, select: { id: true } });
  if (notes.length) await refreshStsState(db, { practitionerId, invoiceIds: notes.map((n) => n.id) });
}

// The synchronous service's messages as code references: its `tipo` (E/W) decides, else the catalogue's severity.
export function messageCodeRefs(messages: StsMessage[]): StsCodeRef[] {
  return messages.map((m) => ({
    code: m.code,
    severity: m.tipo === "W" ? "warning" : m.tipo === "E" ? "error" : m.info.severity,
    message: m.description,
  }));
}
