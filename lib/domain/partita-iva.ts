import { fail, ok, type Result } from "./result";

/**
 * The P.IVA of the public STS test user for psychologists (docs/STS-PROTOCOL.md §12).
 * It does NOT pass the checksum: the Luhn-style check digit of 6549873210 is 9, the kit uses 5
 * (its office code 210 is not an assigned one either). The simulator and the STS test environment accept it,
 * so a practitioner profile configured for them must be able to save it: callers opt in with allowKitTestValue
 * only when the profile targets the simulator or the test environment, never for production.
 */
export const KIT_TEST_PARTITA_IVA = "65498732105";

export type ValidatePartitaIvaOptions = { allowKitTestValue?: boolean };

/** Trims, removes spaces and an optional "IT" prefix as pasted from a VIES lookup or a letterhead. */
export function normalizePartitaIva(input: string): string {
  return input
    .replace(/\s+/g, "")
    .toUpperCase()
    .replace(/^IT(?=\d)/, "");
}

/**
 * Check digit of Italian P.IVA and numeric codici fiscali: digits in odd positions are added as they are,
 * digits in even positions are doubled (minus 9 when above 9); the 11th digit brings the sum to a multiple of 10.
 */
export function hasValidPartitaIvaChecksum(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const digit = Number(digits[i]);
    if (i % 2 === 0) {
      sum += digit;
    } else {
      const doubled = digit * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    }
  }
  return (10 - (sum % 10)) % 10 === Number(digits[10]);
}

export function validatePartitaIva(input: string, options: ValidatePartitaIvaOptions = {}): Result<string> {
  const value = normalizePartitaIva(input);
  if (value === "") return fail("Inserisci la partita IVA");
  if (!/^\d{11}$/.test(value)) return fail("La partita IVA deve essere composta da 11 cifre");
  if (options.allowKitTestValue && value === KIT_TEST_PARTITA_IVA) return ok(value);
  if (/^0{11}$/.test(value)) return fail("La partita IVA non è valida");
  if (!hasValidPartitaIvaChecksum(value))
    return fail("La partita IVA non è valida: la cifra di controllo non è corretta");
  return ok(value);
}
