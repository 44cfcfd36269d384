// Formal rules of the precompilata data file (docs/STS-PROTOCOL.md §9), shared by the builder, the parser and the
// simulator.

export const NUM_DOCUMENTO_PATTERN = /^[A-Za-z0-9_./\\-]{1,20}$/;
export const PIVA_PATTERN = /^[0-9]{11}$/;
export const ALIQUOTA_PATTERN = /^[0-9]{1,3}\.[0-9]{2}$/;
export const IMPORTO_PATTERN = /^[0-9]{1,5}\.[0-9]{2}$/;
export const NATURA_PATTERN = /^N[1-7](\.[0-9]{1,2})?$/;
export const CODE3_PATTERN = /^[A-Z0-9]{3}$/;
export const CODICE_SSA_PATTERN = /^[A-Z0-9]{5,6}$/;
/** nomeFileAllegato: 6–60 Basic-Latin characters ending in .zip (upload code 101, docs/STS-PROTOCOL.md §3.2). */
export const FILE_NAME_PATTERN = /^[\x00-\x7F]{2,56}\.zip$/i;
export const MAX_ZIP_BYTES = 5 * 1024 * 1024;
export const MAX_AMOUNT_CENTS = 9_999_999; // Dec7MinTipo: 5 integer digits + 2 decimals
/** Expense types for which pagamentoTracciato is optional (docs/STS-PROTOCOL.md §9 field table). */
export const TRACCIATO_OPTIONAL = new Set(["TK", "FC", "AD", "FV"]);

/** True for a real calendar date written yyyy-MM-dd. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function isValidFileName(name: string): boolean {
  return name.length >= 6 && name.length <= 60 && FILE_NAME_PATTERN.test(name);
}

/** Integer cents → "70.00" (STS wants exactly two decimals, docs/STS-PROTOCOL.md §9). */
export function formatCents(cents: number): string {
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  return `${whole}.${rest.toString().padStart(2, "0")}`;
}

/** "70.00" or "25.3" → 7000 / 2530 without floating-point arithmetic; null when not a decimal amount. */
export function parseAmountToCents(value: string): number | null {
  const match = /^([0-9]{1,9})(?:\.([0-9]{1,2}))?$/.exec(value.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}
