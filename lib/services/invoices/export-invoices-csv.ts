import type { DbOrTx } from "../../db";
import { formatItalianDate } from "../../domain/dates";
import { formatCents } from "../../domain/money";
import { isPaymentMethod, paymentMethodLabel } from "../../domain/payment";
import { findAllInvoices, type InvoiceListRow } from "../../data/invoice-list";
import type { InvoiceFilters } from "../../schemas/invoice-filters";
import { patientDisplayName } from "../patients/patient-display-name";
import { documentStatusLabel, documentNumberLabel } from "./labels";

const HEADER = [
  "Numero",
  "Tipo",
  "Data",
  "Paziente",
  "Codice fiscale",
  "Onorari",
  "Contributo",
  "Bollo",
  "Totale",
  "Stato",
  "Data pagamento",
  "Metodo pagamento",
  "Stato STS",
];

// A cell starting with = + - @ would be run as a formula by spreadsheets: prefix it with an apostrophe.
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function row(invoice: InvoiceListRow): string[] {
  const amount = (cents: number) => formatCents(cents, { symbol: false });
  return [
    documentNumberLabel(invoice),
    invoice.kind === "credit_note" ? "Nota di credito" : "Fattura",
    formatItalianDate(invoice.issueDate),
    patientDisplayName(invoice.patient),
    invoice.patient.codiceFiscale ?? "",
    amount(invoice.subtotalCents),
    amount(invoice.pensionFundCents),
    amount(invoice.bolloCents),
    amount(invoice.totalCents),
    documentStatusLabel(invoice),
    invoice.paymentDate ? formatItalianDate(invoice.paymentDate) : "",
    invoice.paymentMethod && isPaymentMethod(invoice.paymentMethod) ? paymentMethodLabel(invoice.paymentMethod) : "",
    invoice.stsState,
  ];
}

// The filtered list as a semicolon-separated CSV with Italian decimals (what Italian spreadsheets open directly),
// with a BOM so accents survive.
export async function exportInvoicesCsv(options: { db: DbOrTx; practitionerId: string; filters: InvoiceFilters }) {
  const lines = [HEADER.join(";")];
  for await (const invoice of findAllInvoices(options.db, options.practitionerId, { ...options.filters, page: 1 })) {
    lines.push(row(invoice).map(csvCell).join(";"));
  }
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}
