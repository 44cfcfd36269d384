import type { Db } from "../../db";
import { findTwoFactor } from "../../data/two-factor";
import { isAdministrator } from "../installation/is-administrator";

type Options = {
  db: Db;
  practitioner: { id: string; email: string };
  /** ADMIN_REQUIRE_2FA: the installation asks its administrator for a second factor. */
  required: boolean;
  adminEmail: string | undefined;
};

/** Whether this account may not go without two-factor authentication (the administrator, when configured). */
export async function isTwoFactorRequired(options: Options): Promise<boolean> {
  return options.required && (await isAdministrator(options));
}

/**
 * Whether the account must turn two-factor authentication on before anything else: the administrator of an
 * installation that requires it, while the second factor is not active. The app's layout then opens only the page
 * that turns it on.
 */
export async function mustEnrolTwoFactor(options: Options): Promise<boolean> {
  if (!(await isTwoFactorRequired(options))) return false;
  return !(await findTwoFactor(options.db, options.practitioner.id))?.enabledAt;
}
