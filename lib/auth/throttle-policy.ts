// Failed logins per email: the first FREE_ATTEMPTS are free, then each failure locks the account's login for a
// doubling delay (30 s, 1 min, 2 min … capped at 15 min). The lock applies whether or not the email exists.
export const FREE_ATTEMPTS = 5;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

export function lockAfterFailure(failures: number, now: Date): Date | null {
  if (failures < FREE_ATTEMPTS) return null;
  const ms = Math.min(BASE_LOCK_MS * 2 ** (failures - FREE_ATTEMPTS), MAX_LOCK_MS);
  return new Date(now.getTime() + ms);
}

export function lockMessage(lockedUntil: Date, now: Date): string {
  const seconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  const wait = seconds < 90 ? `${seconds} secondi` : `${Math.ceil(seconds / 60)} minuti`;
  return `Troppi tentativi non riusciti. Riprova tra ${wait}.`;
}
