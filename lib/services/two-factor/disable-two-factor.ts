import { AppError } from "../../app-error";
import type { Db } from "../../db";
import { verifyPassword } from "../../auth/password";
import { clearLoginFailures } from "../../data/login-throttle";
import { deleteTwoFactor, findAccountCredentials } from "../../data/two-factor";
import { DisableTwoFactorSchema } from "../../schemas/two-factor";
import { parseInput } from "../../schemas/validation";
import { reserveLoginAttemptFor } from "../accounts/reserve-login-attempt";
import { checkSecondFactor } from "./check-second-factor";

// Turning two-factor authentication off asks for what a login asks: the password and a code (of the app, or a
// recovery code). A stolen open session alone cannot do it; the attempts count in the login throttle of the account.
export async function disableTwoFactor(options: {
  db: Db;
  practitionerId: string;
  input: unknown;
  now?: Date;
  /** The installation requires it of this account (its administrator, ADMIN_REQUIRE_2FA): it stays on. */
  required?: boolean;
}) {
  const { db, practitionerId } = options;
  if (options.required)
    throw new AppError(
      "forbidden",
      "Per l'amministratore di questa installazione la verifica in due passaggi è obbligatoria: non si può disattivare.",
    );
  const now = options.now ?? new Date();
  const { password, code } = parseInput(DisableTwoFactorSchema, options.input);
  const practitioner = await findAccountCredentials(db, practitionerId);
  if (!practitioner) throw new AppError("not_found", "Account non trovato.");
  await reserveLoginAttemptFor(db, practitioner.email, now);
  if (!(await verifyPassword(password, practitioner.passwordHash))) {
    throw new AppError("validation", "Controlla i campi evidenziati.", { password: ["La password non è corretta."] });
  }
  if (!(await checkSecondFactor({ db, practitionerId, code, now }))) {
    throw new AppError("validation", "Controlla i campi evidenziati.", {
      code: ["Codice non valido o già usato."],
    });
  }
  await deleteTwoFactor(db, practitionerId);
  await clearLoginFailures(db, practitioner.email);
}
