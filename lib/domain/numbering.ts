export type DocumentSeries = "invoice" | "credit_note";
export type DocumentNumber = { series: DocumentSeries; number: number; year: number };

// STS numDocumento (docs/STS-PROTOCOL.md §9): unique per issuer and year, no spaces allowed.
export const STS_NUM_DOCUMENTO_PATTERN = /^[A-Za-z0-9_./\\-]{1,20}$/;
const CREDIT_NOTE_PREFIX = "NC";

/** "12/2026" for invoices, "NC 3/2026" for credit notes: each series restarts at 1 every calendar year. */
export function formatInvoiceNumber(document: DocumentNumber): string {
  assertDocumentNumber(document);
  const base = `${document.number}/${document.year}`;
  return document.series === "credit_note" ? `${CREDIT_NOTE_PREFIX} ${base}` : base;
}

/**
 * The number after the last one issued in the same series and year; 1 when the year has none yet.
 * Numbers are never reused, so the caller passes the highest number ever issued, voided ones included.
 */
export function nextNumber(lastNumberOfYear: number | null): number {
  if (lastNumberOfYear === null) return 1;
  if (!Number.isSafeInteger(lastNumberOfYear) || lastNumberOfYear < 1) {
    throw new RangeError(`invalid last number: ${lastNumberOfYear}`);
  }
  return lastNumberOfYear + 1;
}

/** STS form: "12/2026", "NC-3/2026" (the printed space becomes a hyphen). */
export function toStsNumDocumento(document: DocumentNumber): string {
  const text = formatInvoiceNumber(document).replace(" ", "-");
  if (!STS_NUM_DOCUMENTO_PATTERN.test(text)) throw new RangeError(`number too long for STS: ${text}`);
  return text;
}

/** Reads back both the printed and the STS form; null for anything Parcella did not produce. */
export function parseInvoiceNumber(text: string): DocumentNumber | null {
  const match = /^(?:(NC)[ -])?([1-9]\d{0,8})\/(\d{4})$/.exec(text.trim());
  if (!match) return null;
  const document: DocumentNumber = {
    series: match[1] ? "credit_note" : "invoice",
    number: Number(match[2]),
    year: Number(match[3]),
  };
  return isValidDocumentNumber(document) ? document : null;
}

function isValidDocumentNumber({ number, year }: DocumentNumber): boolean {
  return (
    Number.isSafeInteger(number) &&
    number >= 1 &&
    number < 1e9 &&
    Number.isInteger(year) &&
    year >= 2000 &&
    year <= 2100
  );
}

function assertDocumentNumber(document: DocumentNumber): void {
  if (!isValidDocumentNumber(document)) {
    throw new RangeError(`invalid document number: ${document.number}/${document.year}`);
  }
}
