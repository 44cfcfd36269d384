import type { DbOrTx } from "../../db";
import { findStsInvoices, type StsInvoice } from "../../data/sts-documents";
import { findStsSecrets } from "../../data/sts-settings";
import { isoDate } from "../../domain/dates";
import { deriveStsStatus, type StsStatus } from "../../domain/sts/status";
import { parseStsRecord, stsFactsOf } from "./sts-view";

export function credentialsConfigured(
  settings: { cfTitolare: string | null; passwordEnc: string | null; pincodeEnc: string | null } | null,
) {
  return Boolean(settings?.cfTitolare && settings.passwordEnc && settings.pincodeEnc);
}

export async function hasStsCredentials(db: DbOrTx, practitionerId: string): Promise<boolean> {
  return credentialsConfigured(await findStsSecrets(db, practitionerId));
}

export function statusOf(invoice: StsInvoice, configured: boolean, today: string): StsStatus {
  return deriveStsStatus(stsFactsOf(invoice, configured), parseStsRecord(invoice.stsRecord), today);
}

// Recomputes the stored STS state (the dot) of some or all of a practitioner's documents after their data, their
// patient, the credentials or their transmission changed.
export async function refreshStsState(
  db: DbOrTx,
  options: { practitionerId: string; invoiceIds?: string[]; patientId?: string; now?: Date },
) {
  const configured = await hasStsCredentials(db, options.practitionerId);
  const today = isoDate(options.now ?? new Date());
  const invoices = await findStsInvoices(db, options.practitionerId, {
    ids: options.invoiceIds,
    patientId: options.patientId,
  });
  // Credit notes depend on their original's state: refresh them together.
  const creditNotes = options.invoiceIds
    ? await findStsInvoices(db, options.practitionerId, { creditedInvoiceIds: options.invoiceIds })
    : [];
  // Documents that reach the same state from the same revision are saved by one statement (an import or a change of
  // credentials touches thousands), each still conditional on its revision: a concurrent claim's state is never
  // overwritten by a stale one.
  const groups = new Map<string, { state: string; reason: string | null; rev: number; ids: string[] }>();
  for (const invoice of [...invoices, ...creditNotes]) {
    const status = statusOf(invoice, configured, today);
    if (status.state === invoice.stsState && status.reason === invoice.stsReason) continue;
    const key = JSON.stringify([status.state, status.reason, invoice.stsRecordRev]);
    const group = groups.get(key) ?? { state: status.state, reason: status.reason, rev: invoice.stsRecordRev, ids: [] };
    group.ids.push(invoice.id);
    groups.set(key, group);
  }
  for (const group of groups.values())
    for (let start = 0; start < group.ids.length; start += UPDATE_CHUNK)
      await db.invoice.updateMany({
        where: { id: { in: group.ids.slice(start, start + UPDATE_CHUNK) }, stsRecordRev: group.rev },
        data: { stsState: group.state, stsReason: group.reason },
      });
}

const UPDATE_CHUNK = 500;
