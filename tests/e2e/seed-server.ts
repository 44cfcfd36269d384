// Started once per Playwright worker by tests/e2e/seed.ts, through tsx (Playwright's own TypeScript loader cannot
// load the generated Prisma client): seeds through the same factories, and so the same services, as the demo seed.
// One request per line on stdin ({ id, command, email, options }), one answer per line on stdout ({ id, result } or
// { id, error }), one request at a time; it ends when stdin closes (the worker is gone). A process per request cost
// a Node start and the Prisma client's load each time: seconds per call on a busy machine.
import { createInterface } from "node:readline";
import { createDb, type Db } from "../../lib/db";
import { seedStsLog } from "./seed-sts-log";
import { createTestProfile } from "../../prisma/seed/factories/profiles";
import { createTestPatient } from "../../prisma/seed/factories/patients";
import { createTestInvoice } from "../../prisma/seed/factories/invoices";
import { hashPassword } from "../../lib/auth/password";
import { createPractitioner } from "../../lib/data/practitioners";
import { configureTestStsCredentials } from "../../prisma/seed/factories/sts";

/**
 * One write, run again when SQLite refused it: the tests run in parallel and the app writes too, so a write
 * transaction may find its snapshot made stale by another writer ("database is locked") or outwait Prisma's limit on
 * a busy machine; either way it was rolled back whole.
 */
async function again<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const text = String(error instanceof Error ? error.message : error);
      const code = (error as { code?: unknown }).code;
      if (attempt >= 5 || !(text.includes("database is locked") || code === "P1008" || code === "P2028")) throw error;
    }
  }
}

const hashes = new Map<string, Promise<string>>();

async function run(db: Db, command: string, email: string, options: Record<string, unknown>): Promise<unknown> {
  if (command === "register") {
    // A practitioner as the registration form makes one (its service is tested on its own), with the password's hash
    // computed once per server: scrypt costs 0.1–0.2 s of CPU per hash, and the suite registers about 70.
    const { name, password } = options as { name: string; password: string };
    if (!hashes.has(password)) hashes.set(password, hashPassword(password));
    const passwordHash = await hashes.get(password)!;
    const { id } = await again(() => createPractitioner(db, { email, name, passwordHash }));
    return { practitionerId: id };
  }
  const { id } = await db.practitioner.findUniqueOrThrow({ where: { email }, select: { id: true } });
  let result: unknown;
  if (command === "profile")
    result = await again(() => createTestProfile(db, id, options as Parameters<typeof createTestProfile>[2]));
  else if (command === "patient")
    result = await again(() => createTestPatient(db, id, options as Parameters<typeof createTestPatient>[2]));
  else if (command === "invoice")
    result = await again(() => createTestInvoice(db, id, options as Parameters<typeof createTestInvoice>[2]));
  else if (command === "invoices") {
    const { count, ...invoice } = options as unknown as { count: number } & Parameters<typeof createTestInvoice>[2];
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push((await again(() => createTestInvoice(db, id, invoice))).id);
    result = ids;
  } else if (command === "corrupt-sts-record") {
    // Damaged data that no form can produce: how the e2e reaches the app's error page (error.tsx).
    const { invoiceId } = options as unknown as { invoiceId: string };
    await db.invoice.update({ where: { id: invoiceId, practitionerId: id }, data: { stsRecord: "{non è JSON" } });
    result = { invoiceId };
  } else if (command === "legacy-dates") {
    // Dates saved before today's rules existed (a future invoice date, a payment before the invoice), written
    // straight to the row: the services refuse them now. The practitioner is marked as the migration that brought
    // the rules' review marks one with such documents (Practitioner.datesToReview).
    const { invoiceId, ...data } = options as unknown as {
      invoiceId: string;
      issueDate?: string;
      paymentDate?: string;
    };
    result = await db.invoice.update({ where: { id: invoiceId, practitionerId: id }, data, select: { id: true } });
    await db.practitioner.update({ where: { id }, data: { datesToReview: true } });
  } else if (command === "citizen-report") {
    // A citizen's report as the daily reading stores it (the sweep's control: A's list shows A's invoice).
    const {
      invoiceId,
      text,
      detail = null,
    } = options as unknown as { invoiceId: string; text: string; detail?: unknown };
    const invoice = await db.invoice.findFirstOrThrow({ where: { id: invoiceId, practitionerId: id } });
    result = await db.stsCitizenReport.create({
      data: {
        practitionerId: id,
        invoiceId,
        identity: `00000000000|${invoice.issueDate}|1|${invoice.number}`,
        fingerprint: `seed-${invoiceId}`,
        reportedOn: invoice.issueDate,
        text,
        detail: JSON.stringify(detail),
        extra: "{}",
      },
      select: { id: true },
    });
  } else if (command === "sts-settings") {
    // The kit STS user, sealed with the installation's key and marked verified, through the factory the integration
    // tests use (the settings page itself is tested by sts-settings.spec.ts).
    await again(() => configureTestStsCredentials(db, id));
    result = { ok: true };
  } else if (command === "sts-log") {
    result = await seedStsLog(db, id, options as unknown as { invoiceIds: [string, string]; protocollo: string });
  } else throw new Error(`unknown seed command ${command}`);
  return result;
}

async function main() {
  // The guards of the test configuration (tests/integration): a busy machine can keep a transaction waiting long.
  const db = createDb(process.env.E2E_DATABASE_URL, { transactionOptions: { maxWait: 60_000, timeout: 60_000 } });
  for await (const line of createInterface({ input: process.stdin })) {
    if (!line.trim()) continue;
    const request = JSON.parse(line) as {
      id: number;
      command: string;
      email: string;
      options?: Record<string, unknown>;
    };
    let answer: object;
    try {
      answer = {
        id: request.id,
        result: (await run(db, request.command, request.email, request.options ?? {})) ?? null,
      };
    } catch (error) {
      answer = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    process.stdout.write(JSON.stringify(answer) + "\n");
  }
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
