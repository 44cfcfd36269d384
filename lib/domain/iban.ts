import { fail, ok, type Result } from "./result";

// Italian IBAN: IT + 2 check digits + CIN (letter) + ABI (5 digits) + CAB (5 digits) + account (12 alphanumerics).
const ITALIAN_IBAN = /^IT\d{2}[A-Z]\d{10}[0-9A-Z]{12}$/;
const ANY_IBAN = /^[A-Z]{2}\d{2}[0-9A-Z]{11,30}$/;

/** Removes spaces (as printed on bank letters) and an "IBAN" prefix; upper-cases. */
export function normalizeIban(input: string): string {
  return input
    .replace(/\s+/g, "")
    .toUpperCase()
    .replace(/^IBAN:?/, "");
}

/** ISO 13616 check: move the first four characters to the end, letters to 10..35, the number mod 97 must be 1. */
export function hasValidIbanChecksum(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const value = code >= 65 && code <= 90 ? code - 55 : code - 48;
    if (value < 0 || value > 35) return false;
    // Digit by digit (letters are two digits) keeps the running number small: no BigInt needed.
    remainder = value > 9 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

/**
 * Accepts Italian IBANs (the usual case, strict structure) and other SEPA IBANs (generic structure), both
 * with a valid mod-97 check. Returns the normalized electronic form, without spaces.
 */
export function validateIban(input: string): Result<string> {
  const iban = normalizeIban(input);
  if (iban === "") return fail("Inserisci l'IBAN");
  if (iban.startsWith("IT")) {
    if (iban.length !== 27) return fail("Un IBAN italiano ha 27 caratteri");
    if (!ITALIAN_IBAN.test(iban)) return fail("Il formato dell'IBAN non è valido");
  } else if (!ANY_IBAN.test(iban)) {
    return fail("Il formato dell'IBAN non è valido");
  }
  if (!hasValidIbanChecksum(iban)) return fail("L'IBAN non è valido: controlla di averlo copiato correttamente");
  return ok(iban);
}

/** Print form: groups of four separated by spaces ("IT60 X054 2811 1010 0000 0123 456"), as Italian banks print it. */
export function formatIban(iban: string): string {
  return normalizeIban(iban).replace(/(.{4})(?=.)/g, "$1 ");
}
