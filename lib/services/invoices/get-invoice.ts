import { notFound } from "../../app-error";
import type { DbOrTx } from "../../db";
import { findInvoice, findInvoiceEvents } from "../../data/invoices";

// Another practitioner's invoice id answers exactly like a missing one.
export async function getInvoiceOrThrow(options: { db: DbOrTx; practitionerId: string; invoiceId: string }) {
  const invoice = await findInvoice(options.db, options.practitionerId, options.invoiceId);
  if (!invoice) throw notFound("Fattura non trovata.");
  return invoice;
}

// The invoice's history, oldest first, on its page (lib/data/invoices.ts).
export function getInvoiceEvents(options: { db: DbOrTx; practitionerId: string; invoiceId: string }) {
  return findInvoiceEvents(options.db, options.practitionerId, options.invoiceId);
}
