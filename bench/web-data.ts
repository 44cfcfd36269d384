// The data work of the invoice list page (and its banners, and the home page's figures), each function timed alone in one process, on the web
// benchmark's dataset (one practitioner, 300 patients, 5,000 invoices over 2022–2026, nothing sent), SQLite:
//   npx tsx bench/web-data.ts [--calls 100]
// Read beside the web benchmark's statement counts and profile (docs/BENCHMARKS.md, "The web under concurrent use").
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createDb } from "../lib/db";
import { findInvoicePage, invoiceYears } from "../lib/data/invoice-list";
import { parseInvoiceFilters } from "../lib/schemas/invoice-filters";
import { getDashboard } from "../lib/services/invoices/dashboard";
import { listDatesToReview } from "../lib/services/invoices/dates-to-review";
import { paymentYearDeadlines } from "../lib/services/sts/deadlines";
import { countSkippedByMinimumDate } from "../lib/services/sts/skipped-by-minimum-date";
import { DatabaseFactory } from "./lib/databases";
import { markdownTable, quantile, timeMany } from "./lib/stats";
import { historyPlan, seedBulk } from "./seed-bulk";

const { values } = parseArgs({ options: { calls: { type: "string" } } });
const CALLS = Number(values.calls ?? 100);

async function main() {
  const encryptionKey = randomBytes(32);
  process.env.PARCELLA_ENCRYPTION_KEY = encryptionKey.toString("base64");
  const factory = new DatabaseFactory();
  try {
    const database = await factory.create("sqlite", "web_data");
    const db = createDb(database.url);
    const [account] = await seedBulk(db, {
      practitioners: 1,
      patientsPerPractitioner: 300,
      invoicesOf: historyPlan(5_000, 2022, 5),
      autoSend: true,
      autoSendFrom: "2026-01-01",
      encryptionKey,
      events: true,
    });
    const practitionerId = account!.id;
    const cases: [string, () => Promise<unknown>][] = [
      ["findInvoicePage (first page)", () => findInvoicePage(db, practitionerId, parseInvoiceFilters({}))],
      ["invoiceYears", () => invoiceYears(db, practitionerId)],
      ["countSkippedByMinimumDate", () => countSkippedByMinimumDate({ db, practitionerId })],
      ["paymentYearDeadlines (deadline banner)", () => paymentYearDeadlines({ db, practitionerId })],
      ["listDatesToReview (dates banner)", () => listDatesToReview({ db, practitionerId })],
      ["getDashboard (home page figures)", () => getDashboard({ db, practitionerId, year: 2026 })],
      ["one Practitioner read", () => db.practitioner.findUnique({ where: { id: practitionerId } })],
    ];
    const rows: (string | number)[][] = [];
    for (const [name, fn] of cases) {
      const cpu0 = process.cpuUsage();
      const times = await timeMany(fn, CALLS, 10);
      const cpu = process.cpuUsage(cpu0);
      const cpuMs = (cpu.user + cpu.system) / 1000 / (CALLS + 10);
      rows.push([name, quantile(times, 0.5).toFixed(2), quantile(times, 0.95).toFixed(2), cpuMs.toFixed(2)]);
    }
    await db.$disconnect();
    console.log(markdownTable(["function", "p50 ms", "p95 ms", "process CPU ms/call"], rows));
  } finally {
    await factory.dropAll();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
