// Run by the e2e helpers through tsx (Playwright's own TypeScript loader cannot load the generated Prisma
// client): seeds through the same factories, and so the same services, as the demo seed.
import { createDb } from "../../lib/db";
import { createTestProfile } from "../../prisma/seed/factories/profiles";
import { createTestPatient } from "../../prisma/seed/factories/patients";
import { createTestInvoice } from "../../prisma/seed/factories/invoices";

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

async function main() {
  const [command, email, json] = process.argv.slice(2);
  // The guards of the test configuration (tests/integration): a busy machine can keep a transaction waiting long.
  const db = createDb(process.env.E2E_DATABASE_URL, { transactionOptions: { maxWait: 60_000, timeout: 60_000 } });
  const { id } = await db.practitioner.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const options = json ? JSON.parse(json) : {};
  let result: unknown;
  if (command === "profile") result = await again(() => createTestProfile(db, id, options));
  else if (command === "patient") result = await again(() => createTestPatient(db, id, options));
  else if (command === "invoice") result = await again(() => createTestInvoice(db, id, options));
  else if (command === "invoices") {
    const { count, ...invoice } = options as { count: number } & Parameters<typeof createTestInvoice>[2];
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push((await again(() => createTestInvoice(db, id, invoice))).id);
    result = ids;
  } else if (command === "corrupt-sts-record") {
    // Damaged data that no form can produce: how the e2e reaches the app's error page (error.tsx).
    const { invoiceId } = options as { invoiceId: string };
    await db.invoice.update({ where: { id: invoiceId, practitionerId: id }, data: { stsRecord: "{non è JSON" } });
    result = { invoiceId };
  } else if (command === "legacy-dates") {
    // Dates saved before today's rules existed (a future invoice date, a payment before the invoice), written
    // straight to the row: the services refuse them now.
    const { invoiceId, ...data } = options as { invoiceId: string; issueDate?: string; paymentDate?: string };
    result = await db.invoice.update({ where: { id: invoiceId, practitionerId: id }, data, select: { id: true } });
  } else if (command === "citizen-report") {
    // A citizen's report as the daily reading stores it (the sweep's control: A's list shows A's invoice).
    const { invoiceId, text, detail = null } = options as { invoiceId: string; text: string; detail?: unknown };
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
  } else throw new Error(`unknown seed command ${command}`);
  process.stdout.write(JSON.stringify(result));
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
