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
  for (const invoice of [...invoices, ...creditNotes]) {
    const status = statusOf(invoice, configured, today);
    if (status.state === invoice.stsState && status.reason === invoice.stsReason) continue;
    // Conditional on the record's revision: a concurrent claim's state is never overwritten by a stale one.
    await db.invoice.updateMany({
      where: { id: invoice.id, stsRecordRev: invoice.stsRecordRev },
      data: { stsState: status.state, stsReason: status.reason },
    });
  }
}
