import { createHash, randomBytes } from "node:crypto";

// One-time recovery codes: 16 characters of an alphabet without look-alikes (80 random bits), shown in groups of four.
// 80 bits cannot be guessed or brute-forced from a stolen hash, so a plain SHA-256 is stored (no slow hash: checking a
// recovery code adds nothing to the hashing load). Typed with or without dashes, spaces, in either case.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // 32 symbols: 5 bits each
export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = [...randomBytes(16)].map((byte) => ALPHABET[byte % 32]).join("");
    return chars.match(/.{4}/g)!.join("-");
  });
}

export function normaliseRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256")
    .update(`parcella-recovery:${normaliseRecoveryCode(code)}`)
    .digest("hex");
}

/** A recovery code as typed: 16 symbols of the alphabet once dashes and spaces are removed. */
export function looksLikeRecoveryCode(code: string): boolean {
  return /^[A-Z2-9]{16}$/.test(normaliseRecoveryCode(code));
}
