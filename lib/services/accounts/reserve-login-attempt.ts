import { AppError } from "../../app-error";
import type { Db } from "../../db";
import { lockAfterFailure, lockMessage } from "../../auth/throttle-policy";
import { ensureLoginThrottle, findLoginThrottle, reserveLoginAttempt } from "../../data/login-throttle";

const MAX_RESERVATION_ROUNDS = 20;

// Every attempt on an account (password at login, the second factor, the password and code that turn two-factor
// authentication off) is counted BEFORE it is checked, as if it were going to fail: one compare-and-set update adds
// it and sets the lock the failure would earn (lib/auth/throttle-policy.ts). Concurrent attempts cannot overwrite
// each other's count, and once the lock is set the others are refused without checking anything; a success then
// clears the failures. So a burst of guesses reaches the check FREE_ATTEMPTS times at most.
export async function reserveLoginAttemptFor(db: Db, email: string, now: Date): Promise<void> {
  for (let round = 0; round < MAX_RESERVATION_ROUNDS; round++) {
    const throttle = await findLoginThrottle(db, email);
    if (!throttle) {
      await ensureLoginThrottle(db, email);
      continue;
    }
    if (throttle.lockedUntil && throttle.lockedUntil > now) {
      throw new AppError("rate_limited", lockMessage(throttle.lockedUntil, now));
    }
    const failures = throttle.failures + 1;
    if (await reserveLoginAttempt(db, email, throttle.failures, lockAfterFailure(failures, now))) return;
  }
  // Lost the race every time: many attempts at once on this email, which is what the throttle is for.
  throw new AppError("rate_limited", "Troppi tentativi non riusciti. Riprova tra poco.");
}
