import { execFileSync } from "node:child_process";
import { join } from "node:path";

export const E2E_DATABASE_URL = `file:${join(process.cwd(), "tests/.artifacts/e2e-data/parcella.db")}`;

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
export const seedLegacyDates = (
  email: string,
  options: { invoiceId: string; issueDate?: string; paymentDate?: string },
) => seed<{ id: string }>("legacy-dates", email, options);
export const seedInvoices = (email: string, options: Record<string, unknown> & { count: number }) =>
  seed<string[]>("invoices", email, options);
