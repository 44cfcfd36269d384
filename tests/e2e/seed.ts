import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { E2E_DATABASE_URL } from "./e2e-env";

export { E2E_DATABASE_URL };

function seed<T>(command: string, email: string, options: unknown = {}): T {
  const out = execFileSync(
    process.execPath,
    [
      join(process.cwd(), "node_modules/tsx/dist/cli.mjs"),
      join(process.cwd(), "tests/e2e/seed-cli.ts"),
      command,
      email,
      JSON.stringify(options),
    ],
    { env: { ...process.env, E2E_DATABASE_URL }, encoding: "utf8" },
  );
  return JSON.parse(out) as T;
}

export const seedProfile = (email: string, overrides: Record<string, unknown> = {}) =>
  seed<{ practitionerId: string }>("profile", email, overrides);
export const seedPatient = (email: string, overrides: Record<string, unknown> = {}) =>
  seed<{ id: string }>("patient", email, overrides);
export const seedInvoice = (email: string, options: Record<string, unknown>) =>
  seed<{ id: string; number: number | null }>("invoice", email, options);
export const corruptStsRecord = (email: string, invoiceId: string) =>
  seed<{ invoiceId: string }>("corrupt-sts-record", email, { invoiceId });
export const seedInvoices = (email: string, options: Record<string, unknown> & { count: number }) =>
  seed<string[]>("invoices", email, options);
