import { AppError } from "../../app-error";
import type { Db } from "../../db";
import { verifyAgainstNoAccount, verifyPassword } from "../../auth/password";
import { clearLoginFailures } from "../../data/login-throttle";
import { findPractitionerByEmail } from "../../data/practitioners";
import { LoginSchema } from "../../schemas/account";
import { INVALID_SECOND_FACTOR, LoginCodeSchema, TWO_FACTOR_REQUIRED } from "../../schemas/two-factor";
import { checkSecondFactor, hasTwoFactor } from "../two-factor/check-second-factor";
import { limitByAddress } from "./address-limits";
import { reserveLoginAttemptFor } from "./reserve-login-attempt";

export const INVALID_LOGIN = "Email o password non corretti.";

// Checks email and password, then the second factor when the account has one. The answer never tells whether the
// email exists: unknown emails are throttled and take the same time as known ones, in the same hashing queue,
// without computing a hash (lib/auth/password.ts).
//
// Every attempt is counted before anything is checked (reserve-login-attempt.ts), the second factor included: a
// right password without a code, or with a wrong code, stays counted as a failure, so codes are throttled like
// passwords. Only a complete login clears the failures.
export async function authenticatePractitioner(options: { db: Db; input: unknown; now?: Date; address?: string }) {
  const now = options.now ?? new Date();
  const parsed = LoginSchema.safeParse(options.input);
  if (!parsed.success) throw new AppError("unauthenticated", INVALID_LOGIN);
  const { email, password } = parsed.data;
  const code = LoginCodeSchema.safeParse(options.input).data?.code ?? "";

  await limitByAddress(options.db, "login", options.address, now);
  await reserveLoginAttemptFor(options.db, email, now);

  const practitioner = await findPractitionerByEmail(options.db, email);
  const valid = practitioner
    ? await verifyPassword(password, practitioner.passwordHash)
    : await verifyAgainstNoAccount(password);
  if (!practitioner || !valid) throw new AppError("unauthenticated", INVALID_LOGIN);
  if (await hasTwoFactor(options.db, practitioner.id)) {
    if (!code) throw new AppError("unauthenticated", TWO_FACTOR_REQUIRED);
    const used = await checkSecondFactor({ db: options.db, practitionerId: practitioner.id, code, now });
    if (!used) throw new AppError("unauthenticated", INVALID_SECOND_FACTOR);
  }
  await clearLoginFailures(options.db, email);
  return {
    id: practitioner.id,
    name: practitioner.name,
    email: practitioner.email,
    sessionVersion: practitioner.sessionVersion,
  };
}
