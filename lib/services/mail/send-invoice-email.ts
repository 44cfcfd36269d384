import { AppError } from "../../app-error";
import type { Db } from "../../db";
import { formatItalianDate } from "../../domain/dates";
import { formatCents } from "../../domain/money";
import { SendToSchema } from "../../schemas/mail";
import { parseInput } from "../../schemas/validation";
import { getInvoiceOrThrow } from "../invoices/get-invoice";
import { renderInvoicePdfFor } from "../invoices/invoice-pdf";
import { documentNumberLabel } from "../../presentation/invoices/labels";
import { queueMessage } from "./queue-message";

type Addressee = { kind: string; firstName: string | null; lastName: string | null; companyName: string | null };

/** The patient as a letter addresses them: "Marta Rossi" (the lists sort by surname, a greeting does not). */
export function greetingName(patient: Addressee): string {
  if (patient.kind === "company") return patient.companyName ?? "";
  return [patient.firstName, patient.lastName].filter(Boolean).join(" ");
}

/** Values of the invoice and reminder templates. */
export function invoiceTemplateValues(invoice: Awaited<ReturnType<typeof getInvoiceOrThrow>>) {
  return {
    paziente: greetingName(invoice.patient),
    numero: documentNumberLabel(invoice),
    data: formatItalianDate(invoice.issueDate),
    importo: formatCents(invoice.totalCents),
  };
}

/** E-mails an issued invoice (or credit note) to the patient, its PDF attached. */
export async function sendInvoiceEmail(options: {
  db: Db;
  practitionerId: string;
  invoiceId: string;
  input: unknown;
  now?: () => Date;
}) {
  const { to } = parseInput(SendToSchema, options.input);
  const invoice = await getInvoiceOrThrow(options);
  if (invoice.status !== "issued") {
    throw new AppError("validation", "Si possono inviare per e-mail solo le fatture emesse (non bozze né annullate).");
  }
  const { pdf, fileName } = await renderInvoicePdfFor(options);
  return queueMessage({
    db: options.db,
    practitionerId: options.practitionerId,
    now: options.now,
    message: {
      kind: "invoice",
      to,
      values: invoiceTemplateValues(invoice),
      invoiceId: invoice.id,
      patientId: invoice.patientId,
      attachment: { name: fileName, content: pdf },
    },
  });
}
