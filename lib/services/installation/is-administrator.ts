import { findFirstPractitionerId } from "../../data/installation";
import type { DbOrTx } from "../../db";

/**
 * The installation's administrator sees its status page: the account with ADMIN_EMAIL when configured, else the
 * first account registered (on a one-practitioner installation, that practitioner).
 */
export async function isAdministrator(options: {
  db: DbOrTx;
  practitioner: { id: string; email: string };
  adminEmail: string | undefined;
}): Promise<boolean> {
  if (options.adminEmail) return options.practitioner.email.toLowerCase() === options.adminEmail.toLowerCase();
  return (await findFirstPractitionerId(options.db)) === options.practitioner.id;
}
