import { AppError } from "../../app-error";
import type { Db } from "../../db";
import { dummyPasswordHash, verifyPassword } from "../../auth/password";
import { lockAfterFailure, lockMessage } from "../../auth/throttle-policy";
import { clearLoginThrottle, findLoginThrottle, saveLoginThrottle } from "../../data/login-throttle";
import { findPractitionerByEmail } from "../../data/practitioners";
import { LoginSchema } from "../../schemas/account";

export const INVALID_LOGIN = "Email o password non corretti.";

// Checks email and password. The answer never tells whether the email exists: unknown emails are throttled
// and take the same scrypt time as known ones.
export async function authenticatePractitioner(options: { db: Db; input: unknown; now?: Date }) {
  const now = options.now ?? new Date();
  const parsed = LoginSchema.safeParse(options.input);
  if (!parsed.success) throw new AppError("unauthenticated", INVALID_LOGIN);
  const { email, password } = parsed.data;

  const throttle = await findLoginThrottle(options.db, email);
  if (throttle?.lockedUntil && throttle.lockedUntil > now) {
    throw new AppError("rate_limited", lockMessage(throttle.lockedUntil, now));
  }

  const practitioner = await findPractitionerByEmail(options.db, email);
  const valid = await verifyPassword(password, practitioner?.passwordHash ?? (await dummyPasswordHash()));
  if (!practitioner || !valid) {
    const failures = (throttle?.failures ?? 0) + 1;
    await saveLoginThrottle(options.db, email, failures, lockAfterFailure(failures, now));
    throw new AppError("unauthenticated", INVALID_LOGIN);
  }
  if (throttle) await clearLoginThrottle(options.db, email);
  return {
    id: practitioner.id,
    name: practitioner.name,
    email: practitioner.email,
    sessionVersion: practitioner.sessionVersion,
  };
}
