import { formatCents } from "../../domain/money";
import type { LimitBasis, YearFigures } from "../../domain/year-figures";

export const MONTH_NAMES = [
  "gennaio",
  "febbraio",
  "marzo",
  "aprile",
  "maggio",
  "giugno",
  "luglio",
  "agosto",
  "settembre",
  "ottobre",
  "novembre",
  "dicembre",
];

/** In words, what counts toward the forfettario limits (shown on the page and printed in the exports). */
export function limitBasisLabel(basis: LimitBasis): string {
  const parts = ["i compensi incassati (al netto delle note di credito)"];
  if (basis.pension) parts.push("il contributo integrativo");
  if (basis.bolli) parts.push("i bolli addebitati");
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} e ${parts.at(-1)}`;
}

/** The figures as label/value rows, one list for the page, the CSV and the PDF. */
export function figuresSummaryRows(f: YearFigures): { label: string; value: string }[] {
  return [
    { label: "Fatture incassate", value: String(f.invoices.count) },
    { label: "Compensi incassati", value: formatCents(f.invoices.feesCents) },
    { label: "Contributo integrativo ENPAP (2%)", value: formatCents(f.invoices.pensionCents) },
    { label: "Bolli addebitati ai pazienti", value: `${f.bolli.count} · ${formatCents(f.bolli.amountCents)}` },
    { label: "Note di credito", value: `${f.creditNotes.count} · ${formatCents(-f.creditNotes.totalCents)}` },
    { label: "di cui compensi", value: formatCents(-f.creditNotes.feesCents) },
    { label: "di cui contributo integrativo", value: formatCents(-f.creditNotes.pensionCents) },
    { label: "Compensi netti", value: formatCents(f.net.feesCents) },
    { label: "Contributo integrativo netto", value: formatCents(f.net.pensionCents) },
    { label: "Incassato in totale (netto)", value: formatCents(f.net.totalCents) },
    { label: "Conta per i limiti del forfettario", value: formatCents(f.limits.countedCents) },
  ];
}

export function limitWarning(f: YearFigures): string | null {
  if (f.limits.upper.state === "over")
    return `Superato il limite di ${formatCents(f.limits.upper.limitCents)}: il regime forfettario cessa subito, dall'incasso che lo ha superato. Parlane con il commercialista.`;
  if (f.limits.lower.state === "over")
    return `Superato il limite di ${formatCents(f.limits.lower.limitCents)}: dal prossimo anno il regime forfettario non si applica più.`;
  if (f.limits.upper.state === "near")
    return `Vicino al limite di ${formatCents(f.limits.upper.limitCents)}, oltre il quale il forfettario cessa subito.`;
  if (f.limits.lower.state === "near")
    return `Vicino al limite di ${formatCents(f.limits.lower.limitCents)}: oltre, il forfettario termina dal prossimo anno.`;
  return null;
}
