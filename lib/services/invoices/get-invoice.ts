import { notFound } from "../../app-error";
import type { DbOrTx } from "../../db";
import { findInvoice } from "../../data/invoices";

// Another practitioner's invoice id answers exactly like a missing one.
export async function getInvoiceOrThrow(options: { db: DbOrTx; practitionerId: string; invoiceId: string }) {
  const invoice = await findInvoice(options.db, options.practitionerId, options.invoiceId);
  if (!invoice) throw notFound("Fattura non trovata.");
  return invoice;
}

export async function getInvoiceEvents(options: { db: DbOrTx; practitionerId: string; invoiceId: string }) {
  return options.db.invoiceEvent.findMany({
    where: { invoiceId: options.invoiceId, practitionerId: options.practitionerId },
    orderBy: { at: "asc" },
  });
}
