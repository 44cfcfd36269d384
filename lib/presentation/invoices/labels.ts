import { formatInvoiceNumber } from "../../domain/numbering";

type Numbered = { kind: string; status: string; number: number | null; year: number | null };

export function documentNumberLabel(invoice: Numbered): string {
  if (invoice.number === null || invoice.year === null) return "Bozza";
  return formatInvoiceNumber({
    series: invoice.kind === "credit_note" ? "credit_note" : "invoice",
    number: invoice.number,
    year: invoice.year,
  });
}

export function documentStatusLabel(invoice: Numbered & { paymentDate: string | null }): string {
  if (invoice.status === "draft") return "Bozza";
  if (invoice.status === "void") return "Annullata";
  if (invoice.kind === "credit_note") return "Emessa";
  return invoice.paymentDate ? "Pagata" : "Da pagare";
}
