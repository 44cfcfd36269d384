import type { Db } from "../../db";
import { formatItalianDate } from "../../domain/dates";
import { formatCents } from "../../domain/money";
import { renderYearFiguresPdf } from "../../pdf/year-figures-pdf";
import { figuresSummaryRows, limitBasisLabel, MONTH_NAMES } from "../../presentation/figures/figures-summary";
import { getYearFigures } from "./year-figures";

function csvCell(value: string): string {
  return /[";\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const euros = (cents: number) => formatCents(cents, { symbol: false });

/** One CSV for the accountant (semicolons, decimal comma, as Italian spreadsheets expect): summary, months, documents. */
export async function exportFiguresCsv(options: { db: Db; practitionerId: string; year: number }): Promise<string> {
  const { figures, documents } = await getYearFigures(options);
  const rows: string[][] = [
    [`Cifre dell'anno ${figures.year} (per cassa)`],
    ["Conta per i limiti", limitBasisLabel(figures.limits.basis)],
    [],
    ...figuresSummaryRows(figures).map((r) => [r.label, r.value]),
    ["Identificativi dei bolli", figures.bolli.identifiers.join(", ")],
    [],
    ["Mese", "Compensi netti", "Incassato netto"],
    ...figures.months.map((m) => [MONTH_NAMES[m.month - 1], euros(m.feesCents), euros(m.totalCents)]),
    [],
    ["Documento", "Tipo", "Data incasso", "Compensi", "Contributo integrativo", "Bollo", "Totale"],
    ...documents.map((d) => {
      const sign = d.kind === "credit_note" ? -1 : 1;
      return [
        d.documentNumber,
        d.kind === "credit_note" ? "Nota di credito" : "Fattura",
        formatItalianDate(d.cashDate),
        euros(sign * d.subtotalCents),
        euros(sign * d.pensionFundCents),
        euros(sign * d.bolloChargedCents),
        euros(sign * d.totalCents),
      ];
    }),
  ];
  // A byte-order mark so that spreadsheet programs read the accents as UTF-8.
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(";")).join("\r\n")}\r\n`;
}

export async function exportFiguresPdf(options: { db: Db; practitionerId: string; year: number }) {
  const { figures } = await getYearFigures(options);
  return renderYearFiguresPdf({
    year: figures.year,
    basis: limitBasisLabel(figures.limits.basis),
    rows: figuresSummaryRows(figures),
    bolloIdentifiers: figures.bolli.identifiers,
    months: figures.months.map((m) => ({
      name: MONTH_NAMES[m.month - 1],
      feesCents: m.feesCents,
      totalCents: m.totalCents,
    })),
  });
}
