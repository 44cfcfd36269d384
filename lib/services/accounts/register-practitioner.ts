import { AppError } from "../../app-error";
import type { Db } from "../../db";
import { hashPassword } from "../../auth/password";
import { createPractitioner, findPractitionerByEmail } from "../../data/practitioners";
import { RegisterSchema } from "../../schemas/account";
import { parseInput } from "../../schemas/validation";

const duplicateEmail = () =>
  new AppError("conflict", "Esiste già un account con questa email.", {
    email: ["Esiste già un account con questa email: accedi oppure usane un'altra."],
  });

export async function registerPractitioner(options: { db: Db; input: unknown }) {
  const { email, name, password } = parseInput(RegisterSchema, options.input);
  if (await findPractitionerByEmail(options.db, email)) throw duplicateEmail();
  const passwordHash = await hashPassword(password);
  try {
    return await createPractitioner(options.db, { email, name, passwordHash });
  } catch (error) {
    // Two registrations racing for the same email: the unique index decides.
    if ((error as { code?: string }).code === "P2002") throw duplicateEmail();
    throw error;
  }
}
