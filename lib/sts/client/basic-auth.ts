/**
 * The HTTP Basic header STS reads user and password from (docs/STS.md, "Credentials").
 *
 * `soap`'s own BasicAuthSecurity builds it with `Buffer.from(user + ":" + password)`, i.e. UTF-8 by Node's default,
 * without saying so. We build it ourselves so that the encoding is a decision, not an accident: UTF-8, as RFC 7617
 * registers with `charset="UTF-8"` and as every mainstream client sends today. ASCII passwords are the same bytes in
 * UTF-8 and Latin-1, so they are unaffected; for the characters practitioners report as failing (€, accented
 * letters) STS's decoding is unknown — € does not even exist in Latin-1 — so the settings page warns about them
 * instead of guessing a second encoding.
 */
export const BASIC_AUTH_ENCODING = "utf8" as const;

export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, BASIC_AUTH_ENCODING).toString("base64")}`;
}
