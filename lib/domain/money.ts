import { fail, ok, type Result } from "./result";

// 1,000,000.00 €: above this an amount is certainly a typing mistake for a single practitioner.
export const MAX_AMOUNT_CENTS = 100_000_000;
// STS `importo` is [0-9]{1,5}.[0-9]{2} and at least 0.01 (docs/STS-PROTOCOL.md §9).
export const STS_MAX_AMOUNT_CENTS = 9_999_999;

export type ParseEuroOptions = { allowNegative?: boolean; allowZero?: boolean };

const NUMBER_MESSAGE = "Importo non valido: usa un formato come 70, 70,00 o 1.234,56";

/**
 * Parses what a practitioner types into an amount field.
 * Accepted: "70", "70,00", "70.5", "1.234,56", "1.234", "€ 70", "70 €", "-5" (only with allowNegative).
 * A dot followed by exactly three digits is a thousands separator ("1.234" = 1234 €): as a decimal point it
 * would mean three decimals, which is never a valid amount, so the reading is unambiguous.
 * The English mixed form "1,234.56" is rejected rather than guessed.
 */
export function parseEuroToCents(input: string, options: ParseEuroOptions = {}): Result<number> {
  const { allowNegative = false, allowZero = true } = options;
  let text = input
    .trim()
    .replace(/^€\s*/, "")
    .replace(/\s*(€|EUR)$/i, "")
    .trim();
  if (text === "") return fail("Inserisci un importo");

  let negative = false;
  if (text.startsWith("-")) {
    negative = true;
    text = text.slice(1).trim().replace(/^€\s*/, "");
  } else if (text.startsWith("+")) {
    text = text.slice(1);
  }

  const split = splitNumber(text);
  if (!split) return fail(NUMBER_MESSAGE);
  const { integerDigits, fractionDigits } = split;
  if (fractionDigits.length > 2) return fail("Un importo può avere al massimo due decimali");

  const significant = integerDigits.replace(/^0+(?=\d)/, "");
  if (significant.length > 7) return fail("Importo troppo grande: il massimo è 1.000.000,00 €");
  const cents = Number(significant) * 100 + Number(fractionDigits.padEnd(2, "0"));
  if (cents > MAX_AMOUNT_CENTS) return fail("Importo troppo grande: il massimo è 1.000.000,00 €");
  if (cents === 0) return allowZero ? ok(0) : fail("L'importo deve essere maggiore di zero");
  if (negative && !allowNegative) return fail("L'importo non può essere negativo");
  return ok(negative ? -cents : cents);
}

function splitNumber(text: string): { integerDigits: string; fractionDigits: string } | null {
  // Italian: dots group thousands, the comma is the decimal separator.
  const italian = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/.exec(text);
  if (italian) return { integerDigits: italian[1].replaceAll(".", ""), fractionDigits: italian[2] ?? "" };
  // Plain: a single dot with one or two digits is a decimal point ("70.5").
  const plain = /^(\d+)\.(\d{1,2})$/.exec(text);
  if (plain) return { integerDigits: plain[1], fractionDigits: plain[2] };
  return null;
}

export type FormatCentsOptions = { symbol?: boolean };

/**
 * "1.234,56 €": Italian grouping and decimal comma, the euro sign after the number as Italian invoices write it.
 * The space before "€" is U+00A0 (no-break space) so the sign never wraps onto its own line; it is also in
 * WinAnsi, so the PDF fonts can draw it. Negative amounts use the ASCII hyphen-minus for the same reason.
 * We build the string by hand because Intl's it-IT locale does not group four-digit numbers ("1234,56").
 */
export function formatCents(cents: number, options: FormatCentsOptions = {}): string {
  assertIntegerCents(cents);
  const { symbol = true } = options;
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const rest = (abs % 100).toString().padStart(2, "0");
  const number = `${cents < 0 ? "-" : ""}${euros},${rest}`;
  return symbol ? `${number}\u00a0€` : number;
}

export function isValidStsAmountCents(cents: number): boolean {
  return Number.isSafeInteger(cents) && cents >= 1 && cents <= STS_MAX_AMOUNT_CENTS;
}

/**
 * "70.00": the STS `importo` format (docs/STS-PROTOCOL.md §9). STS wants positive amounts even for refunds, so callers
 * pass the absolute value; anything outside 0.01–99,999.99 is a programming error here (check isValidStsAmountCents
 * first).
 */
export function centsToStsAmount(cents: number): string {
  if (!isValidStsAmountCents(cents)) {
    throw new RangeError(`STS amount out of range (0.01–99999.99 €): ${cents} cents`);
  }
  return `${Math.floor(cents / 100)}.${(cents % 100).toString().padStart(2, "0")}`;
}

/**
 * Integer division rounded half away from zero: the one rounding rule of Parcella
 * (0.5 cent → 1 cent, -0.5 cent → -1 cent), the way an accountant rounds by hand.
 */
export function divideRoundHalfAwayFromZero(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError("divideRoundHalfAwayFromZero needs safe integers and a positive denominator");
  }
  const abs = Math.abs(numerator);
  const quotient = Math.floor(abs / denominator);
  const remainder = abs - quotient * denominator;
  const rounded = remainder * 2 >= denominator ? quotient + 1 : quotient;
  return numerator < 0 && rounded !== 0 ? -rounded : rounded;
}

/** cents × basisPoints / 10,000 (200 bp = 2%), rounded half away from zero. */
export function percentOfCents(cents: number, basisPoints: number): number {
  assertIntegerCents(cents);
  if (!Number.isSafeInteger(basisPoints)) throw new RangeError(`basis points must be an integer: ${basisPoints}`);
  return divideRoundHalfAwayFromZero(cents * basisPoints, 10_000);
}

function assertIntegerCents(cents: number): void {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`cents must be a safe integer: ${cents}`);
}

/** "2%", "2,5%", "0,25%": a rate in basis points as Italian invoices print it. */
export function formatBasisPoints(basisPoints: number): string {
  if (!Number.isSafeInteger(basisPoints)) throw new RangeError(`basis points must be an integer: ${basisPoints}`);
  const sign = basisPoints < 0 ? "-" : "";
  const abs = Math.abs(basisPoints);
  const decimals = (abs % 100).toString().padStart(2, "0").replace(/0+$/, "");
  return `${sign}${Math.floor(abs / 100)}${decimals ? `,${decimals}` : ""}%`;
}
