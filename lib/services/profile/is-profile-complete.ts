import type { Profile } from "../../generated/sqlite/client";

const REQUIRED: (keyof Profile)[] = [
  "displayName",
  "profession",
  "codiceFiscale",
  "partitaIva",
  "address",
  "postalCode",
  "city",
  "province",
  "taxRegime",
  "bolloPolicy",
  "defaultExpenseType",
];

/**
 * Whether invoices can be issued with this profile: it exists and every field printed on the invoice or sent to
 * STS is filled. Saving validates everything, so this guards against a missing profile and older rows.
 */
export function isProfileComplete(profile: Profile | null | undefined): profile is Profile {
  return Boolean(profile) && REQUIRED.every((key) => String(profile![key] ?? "").trim() !== "");
}
