import type { DbOrTx } from "../../db";
import { saveUploadResult, type UploadResult } from "../../data/sts-batch-saves";
import { setLineOutcomes } from "../../data/sts-worker-sql";
import {
  findCreditNoteIds,
  findStsInvoices,
  updateStsRecordsIfUnchanged,
  type StsInvoice,
  type StsRecordChange,
} from "../../data/sts-documents";
import { isoDate } from "../../domain/dates";
import type { DocumentOutcome } from "../../domain/sts/submission";
import { hasBeenHeld, transition, type StsCodeRef, type StsEvent } from "../../domain/sts/record";
import { hasStsCredentials, refreshStsState, statusOf } from "./refresh-sts-state";
import { parseStsRecord } from "./sts-view";
import type { StsMessage } from "../../sts/client/sts-client";

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

// The same for many documents of one practitioner and submission (a batch's 25 after its upload or its outcome):
// the settings and the documents are read once (not at all when the caller passes the documents as it last saved
// them), the records saved in one statement, each with its own revision check, which makes this safe against a
// concurrent claim; the documents that lost a race are read again and retried. The submission lines are updated in
// one statement per distinct outcome.
export async function applyStsEvents(
  db: DbOrTx,
  options: {
    practitionerId: string;
    submissionId: string;
    items: StsEventItem[];
    now?: Date;
    known?: StsInvoice[];
    credentialsConfigured?: boolean;
    /** The upload's result, saved as one unit with the first save of the records. */
    uploadResult?: UploadResult;
  },
) {
  const { practitionerId, submissionId, uploadResult } = options;
  if (options.items.length === 0) {
    if (uploadResult) await saveUploadResult(db, { practitionerId, result: uploadResult, changes: [] });
    return;
  }
  const now = options.now ?? new Date();
  const configured = options.credentialsConfigured ?? (await hasStsCredentials(db, practitionerId));
  const today = isoDate(now);
  const applied: StsEventItem[] = [];
  const heldChanged = new Set<string>();
  let pending = options.items;
  let known = options.known;
  for (let round = 0; pending.length > 0; round++) {
    if (round === 5) throw new Error(`STS record of ${pending[0]!.invoiceId} kept changing`);
    const given = known;
    known = undefined;
    const invoices = new Map(
      (given ?? (await findStsInvoices(db, practitionerId, { ids: pending.map((i) => i.invoiceId) }))).map((i) => [
        i.id,
        i,
      ]),
    );
    const changes: StsRecordChange[] = [];
    const tried: StsEventItem[] = [];
    const unread: StsEventItem[] = [];
    for (const item of pending) {
      const invoice = invoices.get(item.invoiceId);
      if (!invoice && given) unread.push(item); // not among the documents given: read it
      if (!invoice) continue; // a vanished document is left alone, its line included
      const before = parseStsRecord(invoice.stsRecord);
      const after = transition(before, item.event);
      if (before.held?.identity !== after.held?.identity) heldChanged.add(invoice.id);
      const record = JSON.stringify(after);
      const status = statusOf({ ...invoice, stsRecord: record }, configured, today);
      changes.push({
        id: invoice.id,
        rev: invoice.stsRecordRev,
        stsRecord: record,
        stsState: status.state,
        stsReason: status.reason,
        everHeld: hasBeenHeld(after),
      });
      tried.push(item);
    }
    const saved =
      round === 0 && uploadResult
        ? await saveUploadResult(db, { practitionerId, result: uploadResult, changes })
        : await updateStsRecordsIfUnchanged(db, practitionerId, changes);
    for (const item of tried) if (saved.has(item.invoiceId)) applied.push(item);
    pending = [...tried.filter((item) => !saved.has(item.invoiceId)), ...unread];
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
  for (const line of lines.values()) await setLineOutcomes(db, { submissionId, practitionerId, ...line });
  // Credit notes waiting for one of these originals can become sendable now: those whose original STS holds, or
  // no longer holds, since this event (a credit note's state depends on nothing else of its original's record).
  const originals = applied.map((i) => i.invoiceId).filter((id) => heldChanged.has(id));
  if (originals.length === 0) return;
  const notes = await findCreditNoteIds(db, practitionerId, originals);
  if (notes.length) await refreshStsState(db, { practitionerId, invoiceIds: notes });
}

// The synchronous service's messages as code references: its `tipo` (E/W) decides, else the catalogue's severity.
export function messageCodeRefs(messages: StsMessage[]): StsCodeRef[] {
  return messages.map((m) => ({
    code: m.code,
    severity: m.tipo === "W" ? "warning" : m.tipo === "E" ? "error" : m.info.severity,
    message: m.description,
  }));
}
