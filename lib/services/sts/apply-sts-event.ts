import type { DbOrTx } from "../../db";
import { findStsInvoices, updateStsRecordIfUnchanged } from "../../data/sts-documents";
import { isoDate } from "../../domain/dates";
import { transition, type StsCodeRef, type StsEvent } from "../../domain/sts/record";
import { hasStsCredentials, refreshStsState, statusOf } from "./refresh-sts-state";
import { parseStsRecord } from "./sts-view";
import type { StsMessage } from "../../sts/client/sts-client";

export type DocumentOutcome = "accepted" | "accepted_with_warnings" | "rejected" | "failed" | "pending";

export type StsEventItem = { invoiceId: string; event: StsEvent; outcome?: DocumentOutcome; codes?: StsCodeRef[] };

// Applies one transmission event to a document's STS record (the pure state machine decides the next record),
// stores it with its derived state, and notes the outcome on the submission's document line.
export function applyStsEvent(
  db: DbOrTx,
  options: { practitionerId: string; submissionId: string; now?: Date } & StsEventItem,
) {
  const { invoiceId, event, outcome, codes, ...rest } = options;
  return applyStsEvents(db, { ...rest, items: [{ invoiceId, event, outcome, codes }] });
}

// The same for many documents of one practitioner and submission (a batch's 25 after its upload): the settings,
// the documents and their credit notes are read once and the submission lines updated in one statement per distinct
// outcome. Each record is saved with its own revision check, which makes this safe against a concurrent claim; the
// documents that lost a race are read again and retried.
export async function applyStsEvents(
  db: DbOrTx,
  options: { practitionerId: string; submissionId: string; items: StsEventItem[]; now?: Date },
) {
  const { practitionerId, submissionId } = options;
  if (options.items.length === 0) return;
  const configured = await hasStsCredentials(db, practitionerId);
  const today = isoDate(options.now ?? new Date());
  const applied: StsEventItem[] = [];
  let pending = options.items;
  for (let round = 0; pending.length > 0; round++) {
    if (round === 5) throw new Error(`STS record of ${pending[0]!.invoiceId} kept changing`);
    const invoices = new Map((await findStsInvoices(db, practitionerId, { id: { in: pending.map((i) => i.invoiceId) } })).map((i) => [i.id, i]));
    const lost: StsEventItem[] = [];
    for (const item of pending) {
      const invoice = invoices.get(item.invoiceId);
      if (!invoice) continue; // a vanished document is left alone, its line included
      const record = transition(parseStsRecord(invoice.stsRecord), item.event);
      const status = statusOf({ ...invoice, stsRecord: JSON.stringify(record) }, configured, today);
      const saved = await updateStsRecordIfUnchanged(db, invoice, { stsRecord: JSON.stringify(record), stsState: status.state, stsReason: status.reason });
      (saved ? applied : lost).push(item);
    }
    pending = lost;
  }
  const lines = new Map<string, { outcome: DocumentOutcome; codes?: string; invoiceIds: string[] }>();
  for (const item of applied) {
    if (!item.outcome) continue;
    const codes = item.codes ? JSON.stringify(item.codes) : undefined;
    const key = `${item.outcome}|${codes ?? ""}`;
    const line = lines.get(key) ?? { outcome: item.outcome, codes, invoiceIds: [] };
    line.invoiceIds.push(item.invoiceId);
    lines.set(key, line);
  }
  for (const line of lines.values()) {
    await db.stsSubmissionDocument.updateMany({
      where: { submissionId, invoiceId: { in: line.invoiceIds }, practitionerId },
      data: { outcome: line.outcome, codes: line.codes },
    });
  }
  // Credit notes waiting for one of these originals can become sendable now.
  const originals = applied.map((i) => i.invoiceId);
  if (originals.length === 0) return;
  const notes = await db.invoice.findMany({ where: { creditedInvoiceId: { in: originals }, practitionerId }, select: { id: true } });
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
