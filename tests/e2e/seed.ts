import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { e2eInstance } from "./e2e-env";

type Waiting = { resolve: (value: unknown) => void; reject: (error: Error) => void };

let server: ChildProcessWithoutNullStreams | null = null;
const waiting = new Map<number, Waiting>();
let nextId = 1;

/**
 * The seed server of this Playwright worker (tests/e2e/seed-server.ts through tsx, against the e2e database), started
 * at the first seed and kept for the worker's life. A write that SQLite refuses while the parallel tests and the app
 * write too is run again inside the server, one write at a time, so that a batch of invoices is never seeded twice.
 */
function seedServer(): ChildProcessWithoutNullStreams {
  if (server) return server;
  const child = spawn(
    process.execPath,
    [join(process.cwd(), "node_modules/tsx/dist/cli.mjs"), join(process.cwd(), "tests/e2e/seed-server.ts")],
    {
      // The installation's database, and its data folder: the key the STS secrets are sealed with.
      env: { ...process.env, E2E_DATABASE_URL: e2eInstance().databaseUrl, DATA_DIR: e2eInstance().dataDir },
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  createInterface({ input: child.stdout }).on("line", (line) => {
    const answer = JSON.parse(line) as { id: number; result?: unknown; error?: string };
    const request = waiting.get(answer.id);
    waiting.delete(answer.id);
    if (answer.error !== undefined) request?.reject(new Error(`seed: ${answer.error}`));
    else request?.resolve(answer.result);
  });
  child.on("exit", (code) => {
    server = null;
    for (const request of waiting.values()) request.reject(new Error(`the seed server stopped (${code}): ${stderr}`));
    waiting.clear();
  });
  // The worker may end without closing it: the server's stdin then closes and it ends by itself.
  child.unref();
  server = child;
  return child;
}

function seed<T>(command: string, email: string, options: unknown = {}): Promise<T> {
  const id = nextId++;
  const child = seedServer();
  return new Promise<T>((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
    child.stdin.write(JSON.stringify({ id, command, email, options }) + "\n");
  });
}

/** A practitioner as the registration form makes one (tests/e2e/helpers.ts logs them in). */
export const seedPractitioner = (email: string, options: { name: string; password: string }) =>
  seed<{ practitionerId: string }>("register", email, options);
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
/** The kit STS user saved and marked verified (prisma/seed/factories/sts.ts). */
export const seedStsSettings = (email: string) => seed<{ ok: true }>("sts-settings", email);
/** One completed submission of two invoices, as tests/e2e/seed-sts-log.ts describes. */
export const seedStsLog = (email: string, options: { invoiceIds: [string, string]; protocollo: string }) =>
  seed<{ submissionId: string }>("sts-log", email, options);
