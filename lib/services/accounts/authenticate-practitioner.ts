import { AppError } from "../../app-error";
import type { Db } from "../../db";
import { verifyAgainstNoAccount, verifyPassword } from "../../auth/password";
import { lockAfterFailure, lockMessage } from "../../auth/throttle-policy";
import {
  clearLoginFailures,
  ensureLoginThrottle,
  findLoginThrottle,
  reserveLoginAttempt,
} from "../../data/login-throttle";
import { findPractitionerByEmail } from "../../data/practitioners";
import { LoginSchema } from "../../schemas/account";
import { limitByAddress } from "./address-limits";

export const INVALID_LOGIN = "Email o password non corretti.";
const MAX_RESERVATION_ROUNDS = 20;

// Checks email and password. The answer never tells whether the email exists: unknown emails are throttled
// and take the same time as known ones, in the same hashing queue, without computing a hash (lib/auth/password.ts).
//
// Every attempt is counted BEFORE the password is checked, as if it were going to fail: one compare-and-set
// update adds it and sets the lock the failure would earn (lib/auth/throttle-policy.ts). Concurrent attempts
// cannot overwrite each other's count, and once the lock is set the others are refused without hashing; a
// success then clears the failures. So a burst of guesses reaches the password check FREE_ATTEMPTS times at most.
export async function authenticatePractitioner(options: { db: Db; input: unknown; now?: Date; address?: string }) {
  const now = options.now ?? new Date();
  const parsed = LoginSchema.safeParse(options.input);
  if (!parsed.success) throw new AppError("unauthenticated", INVALID_LOGIN);
  const { email, password } = parsed.data;

  await limitByAddress(options.db, "login", options.address, now);
  await reserveAttempt(options.db, email, now);

  const practitioner = await findPractitionerByEmail(options.db, email);
  const valid = practitioner
    ? await verifyPassword(password, practitioner.passwordHash)
    : await verifyAgainstNoAccount(password);
  if (!practitioner || !valid) throw new AppError("unauthenticated", INVALID_LOGIN);
  await clearLoginFailures(options.db, email);
  return {
    id: practitioner.id,
    name: practitioner.name,
    email: practitioner.email,
    sessionVersion: practitioner.sessionVersion,
  };
}

async function reserveAttempt(db: Db, email: string, now: Date): Promise<void> {
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
