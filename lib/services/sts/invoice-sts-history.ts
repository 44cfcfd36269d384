import type { DbOrTx } from "../../db";
import { findInvoiceStsHistory } from "../../data/sts-history";

// The transmissions a document was part of, newest first (the invoice's "Storico invii"): lib/data/sts-history.ts.
export function invoiceStsHistory(options: { db: DbOrTx; practitionerId: string; invoiceId: string }) {
  return findInvoiceStsHistory(options.db, options.practitionerId, options.invoiceId);
}
