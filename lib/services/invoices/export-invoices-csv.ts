import type { DbOrTx } from "../../db";
import { formatItalianDate } from "../../domain/dates";
import { formatCents } from "../../domain/money";
import { stsStateLabel } from "../../domain/sts/status";
import { isPaymentMethod, paymentMethodLabel } from "../../domain/payment";
import { findAllInvoices, type InvoiceListRow } from "../../data/invoice-list";
import type { InvoiceFilters } from "../../schemas/invoice-filters";
import { patientDisplayName } from "../../presentation/patients/patient-display-name";
import { documentStatusLabel, documentNumberLabel } from "../../presentation/invoices/labels";

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

// Amounts as the accountant sums them: a credit note subtracts, a voided invoice counts nothing. They are numbers
// this service formats, so they skip the formula guard (a leading "-" is a negative number, not a formula).
function amountFor(invoice: InvoiceListRow) {
  const sign = invoice.status === "void" ? 0 : invoice.kind === "credit_note" ? -1 : 1;
  return (cents: number) => {
    const value = sign * cents;
    return { amount: `${value < 0 ? "-" : ""}${formatCents(Math.abs(value), { symbol: false })}` };
  };
}

type Cell = string | { amount: string };

function row(invoice: InvoiceListRow): Cell[] {
  const amount = amountFor(invoice);
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
    stsStateLabel(invoice.stsState),
  ];
}

// The filtered list as a semicolon-separated CSV with Italian decimals (what Italian spreadsheets open directly),
// with a BOM so accents survive.
export async function exportInvoicesCsv(options: { db: DbOrTx; practitionerId: string; filters: InvoiceFilters }) {
  const lines = [HEADER.join(";")];
  for await (const invoice of findAllInvoices(options.db, options.practitionerId, { ...options.filters, page: 1 })) {
    lines.push(
      row(invoice)
        .map((cell) => (typeof cell === "string" ? csvCell(cell) : cell.amount))
        .join(";"),
    );
  }
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}
