import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { E2E_DATABASE_URL } from "./e2e-env";

export { E2E_DATABASE_URL };

/**
 * Runs a seeding script of tests/e2e through tsx against the e2e database and parses its JSON output. A write that
 * SQLite refuses while the parallel tests and the app write too is run again inside the script, one write at a time
 * (seed-cli.ts), so that a batch of invoices is never seeded twice.
 */
export function runSeedScript<T>(script: string, args: string[]): T {
  const out = execFileSync(
    process.execPath,
    [join(process.cwd(), "node_modules/tsx/dist/cli.mjs"), join(process.cwd(), "tests/e2e", script), ...args],
    { env: { ...process.env, E2E_DATABASE_URL }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
  return JSON.parse(out) as T;
}

function seed<T>(command: string, email: string, options: unknown = {}): T {
  return runSeedScript<T>("seed-cli.ts", [command, email, JSON.stringify(options)]);
}

export const seedProfile = (email: string, overrides: Record<string, unknown> = {}) =>
  seed<{ practitionerId: string }>("profile", email, overrides);
export const seedPatient = (email: string, overrides: Record<string, unknown> = {}) =>
  seed<{ id: string }>("patient", email, overrides);
export const seedInvoice = (email: string, options: Record<string, unknown>) =>
  seed<{ id: string; number: number | null }>("invoice", email, options);
export const corruptStsRecord = (email: string, invoiceId: string) =>
  seed<{ invoiceId: string }>("corrupt-sts-record", email, { invoiceId });
export const seedLegacyDates = (
  email: string,
  options: { invoiceId: string; issueDate?: string; paymentDate?: string },
) => seed<{ id: string }>("legacy-dates", email, options);
export const seedInvoices = (email: string, options: Record<string, unknown> & { count: number }) =>
  seed<string[]>("invoices", email, options);
export const seedCitizenReport = (email: string, options: { invoiceId: string; text: string; detail?: unknown }) =>
  seed<{ id: string }>("citizen-report", email, options);
