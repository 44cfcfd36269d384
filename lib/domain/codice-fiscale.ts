import { isoDate, isRealDate, toIsoDate, type IsoDate } from "./dates";
import { hasValidPartitaIvaChecksum } from "./partita-iva";
import { fail, ok, type Result } from "./result";

export type PersonalCodiceFiscale = {
  kind: "personal";
  value: string;
  birthDate: IsoDate;
  sex: "M" | "F";
  /** Codice catastale of the birth municipality (or "Z…" for a foreign country), omocodia undone. */
  cadastralCode: string;
  /** True when some digits were replaced by letters because another person had the same code. */
  omocodic: boolean;
};

/** 11 digits: legal persons, and the temporary codes the Agenzia delle Entrate assigns to some individuals. */
export type NumericCodiceFiscale = { kind: "numeric"; value: string };

export type CodiceFiscale = PersonalCodiceFiscale | NumericCodiceFiscale;

const MONTH_LETTERS = "ABCDEHLMPRST";
// Omocodia replaces digits, right to left, with these letters (0→L … 9→V), only at these positions.
const OMOCODIA_LETTERS = "LMNPQRSTUV";
const OMOCODIA_POSITIONS = [6, 7, 9, 10, 12, 13, 14];
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

export function normalizeCodiceFiscale(input: string): string {
  return input.replace(/\s+/g, "").toUpperCase();
}

/** Check character of the first 15 characters (DM 23/12/1976): odd and even positions weigh differently. */
export function codiceFiscaleCheckCharacter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const code = first15.charCodeAt(i);
    const index = code <= 57 ? code - 48 : code - 65; // digits count like A..J
    sum += i % 2 === 0 ? ODD_VALUES[index] : index;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** Undoes omocodia: letters in the numeric positions back to digits. Assumes the format was checked. */
function decodeOmocodia(value: string): string {
  const chars = value.split("");
  for (const position of OMOCODIA_POSITIONS) {
    const letterIndex = OMOCODIA_LETTERS.indexOf(chars[position]);
    if (letterIndex >= 0) chars[position] = String(letterIndex);
  }
  return chars.join("");
}

const PERSONAL_FORMAT = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

/**
 * Validates and decodes a codice fiscale. `today` (an injected clock) resolves the two-digit birth year:
 * the most recent century that does not put the birth date in the future.
 */
export function validateCodiceFiscale(input: string, options: { today: Date }): Result<CodiceFiscale> {
  const value = normalizeCodiceFiscale(input);
  if (value === "") return fail("Inserisci il codice fiscale");
  if (/^\d{11}$/.test(value)) {
    if (!hasValidPartitaIvaChecksum(value))
      return fail("Il codice fiscale numerico non è valido: la cifra di controllo non è corretta");
    return ok({ kind: "numeric", value });
  }
  if (value.length !== 16) return fail("Il codice fiscale deve avere 16 caratteri (11 cifre se numerico)");
  if (!PERSONAL_FORMAT.test(value)) return fail("Il formato del codice fiscale non è valido");

  const plain = decodeOmocodia(value);
  const month = MONTH_LETTERS.indexOf(plain[8]) + 1;
  if (month === 0) return fail("La lettera del mese di nascita non è valida");
  const encodedDay = Number(plain.slice(9, 11));
  const sex = encodedDay > 40 ? "F" : "M";
  const day = sex === "F" ? encodedDay - 40 : encodedDay;
  if (day < 1 || day > 31) return fail("Il giorno di nascita non è valido (1–31, 41–71 per le donne)");

  const birthDate = resolveBirthDate(Number(plain.slice(6, 8)), month, day, isoDate(options.today));
  if (!birthDate) return fail("La data di nascita indicata nel codice fiscale non esiste");
  if (codiceFiscaleCheckCharacter(value.slice(0, 15)) !== value[15]) {
    return fail("Il carattere di controllo non è corretto");
  }
  return ok({ kind: "personal", value, birthDate, sex, cadastralCode: plain.slice(11, 15), omocodic: plain !== value });
}

function resolveBirthDate(yy: number, month: number, day: number, today: IsoDate): IsoDate | null {
  const currentYear = Number(today.slice(0, 4));
  let year = currentYear - (((currentYear % 100) - yy + 100) % 100);
  if (toIsoDate(year, month, day) > today) year -= 100;
  return isRealDate(year, month, day) ? toIsoDate(year, month, day) : null;
}

/** The sex a personal code encodes (day of birth + 40 for women), or null for any other input. */
export function sexOfCodiceFiscale(input: string): "M" | "F" | null {
  const value = normalizeCodiceFiscale(input);
  if (!PERSONAL_FORMAT.test(value)) return null;
  const day = Number(decodeOmocodia(value).slice(9, 11));
  return day > 40 ? "F" : "M";
}
