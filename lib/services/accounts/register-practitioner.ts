import { AppError } from "../../app-error";
import type { Db } from "../../db";
import { hashPassword } from "../../auth/password";
import { isPasswordStrongEnough, WEAK_PASSWORD } from "../../auth/password-policy";
import { createPractitioner, findPractitionerByEmail } from "../../data/practitioners";
import { RegisterSchema } from "../../schemas/account";
import { parseInput } from "../../schemas/validation";
import { limitByAddress } from "./address-limits";

const duplicateEmail = () =>
  new AppError("conflict", "Esiste già un account con questa email.", {
    email: ["Esiste già un account con questa email: accedi oppure usane un'altra."],
  });

// Registration cannot be used to find out at scale who has an account: it is limited per client address, and it
// takes the same time whether or not the email exists (the password is hashed in both cases, before the lookup).
// Saying that an email is taken is accepted until e-mail verification exists (then the owner gets a message).
export async function registerPractitioner(options: { db: Db; input: unknown; address?: string; now?: Date }) {
  await limitByAddress(options.db, "register", options.address, options.now ?? new Date());
  const { email, name, password } = parseInput(RegisterSchema, options.input);
  const ownWords = [email, ...email.split(/[@.]/), name, ...name.split(/[\s.]+/)].map((w) => w.toLowerCase());
  if (!isPasswordStrongEnough(password, ownWords.filter(Boolean))) {
    throw new AppError("validation", "Controlla i campi evidenziati.", { password: [WEAK_PASSWORD] });
  }
  const passwordHash = await hashPassword(password);
  if (await findPractitionerByEmail(options.db, email)) throw duplicateEmail();
  try {
    return await createPractitioner(options.db, { email, name, passwordHash });
  } catch (error) {
    // Two registrations racing for the same email: the unique index decides.
    if ((error as { code?: string }).code === "P2002") throw duplicateEmail();
    throw error;
  }
}
