import { AppError } from "../../app-error";
import type { Tx } from "../../db";
import { findPatient } from "../../data/patients";
import { isAdvancePayment } from "../../domain/invoice-dates";
import type { InvoiceForm } from "../../schemas/invoice";
import { priceInvoice, type PricingSettings } from "./invoice-pricing";

export async function requireOwnPatient(tx: Tx, practitionerId: string, patientId: string) {
  const patient = await findPatient(tx, practitionerId, patientId);
  if (!patient)
    throw new AppError("validation", "Controlla i campi evidenziati.", { patientId: ["Paziente non trovato."] });
  return patient;
}

// The editable content of an invoice (patient, dates, lines, payment) written in one transaction: the lines are
// replaced as a whole and the totals recomputed from them, so stored totals always match stored lines.
export async function writeInvoiceContent(
  tx: Tx,
  options: { practitionerId: string; invoiceId: string; form: InvoiceForm; pricing: PricingSettings },
) {
  const { practitionerId, invoiceId, form, pricing } = options;
  const patient = await requireOwnPatient(tx, practitionerId, form.patientId);
  const { lineRows, totals } = priceInvoice(
    form.lines.map((line) => ({ ...line, unitPriceCents: line.unitPrice })),
    pricing,
  );
  await tx.invoiceLine.deleteMany({ where: { invoiceId } });
  await tx.invoiceLine.createMany({ data: lineRows.map((row) => ({ ...row, invoiceId })) });
  return tx.invoice.update({
    where: { id: invoiceId },
    data: {
      patientId: patient.id,
      issueDate: form.issueDate,
      paymentDate: form.paymentDate,
      paymentMethod: form.paymentMethod ?? null,
      // Only a payment dated before the invoice can be an advance one (the date rules demanded the confirmation).
      paidInAdvance: isAdvancePayment(form),
      opposition: form.opposition,
      bolloIdentifier: form.bolloIdentifier || null,
      notes: form.notes || null,
      ...totals,
    },
    include: { lines: { orderBy: { position: "asc" } }, patient: true },
  });
}
