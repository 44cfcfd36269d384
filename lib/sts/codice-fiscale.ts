// Formal check of a personal codice fiscale (pattern + check character, omocodia included).
// STS rejects formally wrong patient CFs with S011 (docs/STS-PROTOCOL.md §11.2); the builder refuses them earlier.

const PATTERN = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function valueOf(char: string, oddPosition: boolean): number {
  const code = char.charCodeAt(0);
  const index = code <= 57 ? code - 48 : code - 65; // digits count like A..J
  return oddPosition ? ODD_VALUES[index] : index;
}

export function normalizeCodiceFiscale(value: string): string {
  return value.replace(/\s+/g, "").toUpperCase();
}

export function isValidCodiceFiscale(value: string): boolean {
  if (!PATTERN.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) sum += valueOf(value[i], i % 2 === 0);
  return String.fromCharCode(65 + (sum % 26)) === value[15];
}

/** 11-digit numeric codice fiscale (companies, temporary CFs): Luhn-like check of the P.IVA algorithm. */
export function isValidNumericCodiceFiscale(value: string): boolean {
  if (!/^[0-9]{11}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let digit = Number(value[i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10 === Number(value[10]);
}
