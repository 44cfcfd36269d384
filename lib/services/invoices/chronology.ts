import { AppError } from "../../app-error";
import type { DbOrTx } from "../../db";
import { formatItalianDate } from "../../domain/dates";
import { formatInvoiceNumber, type DocumentSeries } from "../../domain/numbering";
import { neighbourIssueDates } from "../../data/invoices";

export function seriesOf(kind: string): DocumentSeries {
  return kind === "credit_note" ? "credit_note" : "invoice";
}

// Numbers follow dates: a document's date may not precede the previous number's, nor follow the next one's.
export async function assertChronologicalOrder(
  db: DbOrTx,
  options: { practitionerId: string; kind: string; year: number; number: number | null; issueDate: string },
) {
  const { previous, next } = await neighbourIssueDates(
    db,
    options.practitionerId,
    options.kind,
    options.year,
    options.number,
  );
  const series = seriesOf(options.kind);
  if (previous && previous.issueDate > options.issueDate) {
    const label = formatInvoiceNumber({ series, number: previous.number!, year: options.year });
    throw new AppError("validation", "La data non rispetta l'ordine della numerazione.", {
      issueDate: [
        `La data non può precedere quella del documento n. ${label} (${formatItalianDate(previous.issueDate)}).`,
      ],
    });
  }
  if (next && next.issueDate < options.issueDate) {
    const label = formatInvoiceNumber({ series, number: next.number!, year: options.year });
    throw new AppError("validation", "La data non rispetta l'ordine della numerazione.", {
      issueDate: [`La data non può seguire quella del documento n. ${label} (${formatItalianDate(next.issueDate)}).`],
    });
  }
}
