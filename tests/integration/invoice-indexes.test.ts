import { describe, expect, it } from "vitest";
import { Prisma } from "../../lib/generated/sqlite/client";
import { invoiceYearsStatement } from "../../lib/data/invoice-list";
import { OPEN_STS_STATES, openStsCountStatement } from "../../lib/data/sts-payment-years";
import { stsPractitioner } from "./sts-harness";
import { testDatabaseProvider, testDb } from "./test-db";

// The statement Prisma runs for an invoice's credit notes (its page, and every credit note issued against it):
// `creditNotes` is read by `creditedInvoiceId`. Without an index it scanned the whole Invoice table; the index is
// partial (only credit notes have the column), which the lookup of one invoice's credit notes implies.
const CREDIT_NOTES = `SELECT "id", "totalCents" FROM "Invoice" WHERE "creditedInvoiceId" IN ($1) ORDER BY "issueDate" ASC`;

describe("an invoice's credit notes", () => {
  it("are found through the partial index on creditedInvoiceId, not by scanning the table", async () => {
    const plan =
      testDatabaseProvider() === "sqlite"
        ? (
            await testDb().$queryRawUnsafe<{ detail: string }[]>(
              `EXPLAIN QUERY PLAN ${CREDIT_NOTES.replace("$1", "?")}`,
              "no-such-invoice",
            )
          ).map((row) => row.detail)
        : // A test database is small enough for PostgreSQL to prefer a scan: forbid it, so that the plan says whether
          // the index can answer this statement at all (its predicate implied by the lookup).
          await testDb().$transaction(async (tx) => {
            await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
            const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
              `EXPLAIN ${CREDIT_NOTES}`,
              "no-such-invoice",
            );
            return rows.map((row) => row["QUERY PLAN"]);
          });
    expect(plan.join("\n")).toContain("Invoice_creditedInvoiceId_idx");
    expect(plan.join("\n")).not.toMatch(/SCAN "?Invoice"?\b(?! USING)|Seq Scan/);
  });
});

// Home's figures on every visit, as lib/data/dashboard-months.ts asks for them: each must read its own range of
// Invoice_open_figures_idx (what is unpaid, the drafts, one year's payments), not every row of the history.
const HOME_FIGURES = [
  `SELECT CAST(SUM("totalCents") AS BIGINT) AS "c", CAST(COUNT(*) AS INTEGER) AS "n" FROM "Invoice"
   WHERE "practitionerId" = $1 AND "status" = 'issued' AND "paymentDate" IS NULL AND "kind" = 'invoice'`,
  `SELECT CAST(COUNT(*) AS INTEGER) AS "n" FROM "Invoice" WHERE "practitionerId" = $1 AND "status" = 'draft'`,
  `SELECT SUBSTR("paymentDate", 6, 2) AS "month", SUM("totalCents") AS "c" FROM "Invoice"
   WHERE "practitionerId" = $1 AND "status" = 'issued' AND "paymentDate" >= '2026-01-01' AND "paymentDate" <= '2026-12-31'
   GROUP BY SUBSTR("paymentDate", 6, 2)`,
];

/** The plan of a statement built with Prisma.sql (its values bound) as one text; `ANALYZE`: PostgreSQL runs it too. */
async function planOfStatement(statement: Prisma.Sql, analyze = false): Promise<string> {
  if (testDatabaseProvider() === "sqlite") {
    const rows = await testDb().$queryRawUnsafe<{ detail: string }[]>(
      `EXPLAIN QUERY PLAN ${statement.sql}`,
      ...statement.values,
    );
    return rows.map((row) => row.detail).join("\n");
  }
  const rows = await testDb().$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
    `EXPLAIN ${analyze ? "(ANALYZE, TIMING OFF) " : ""}${statement.text}`,
    ...statement.values,
  );
  return rows.map((row) => row["QUERY PLAN"]).join("\n");
}

/** The plan of one of the statements above, written with `$1` for the practitioner. */
function planOf(statement: string, practitionerId: string): Promise<string> {
  const parts = statement.split("$1");
  return planOfStatement(Prisma.sql(parts, ...parts.slice(1).map(() => practitionerId)));
}

describe("home's figures", () => {
  it("read the unpaid invoices, the drafts and a year's payments from their range of an index", async () => {
    // A history large enough for each planner to choose by its statistics (a near-empty table makes any index or a
    // scan look alike): three years of paid invoices, a few unpaid ones and drafts.
    const p = await stsPractitioner("home-figures-index");
    const invoice = (n: number, extra: { issueDate: string; paymentDate?: string | null }) => ({
      practitionerId: p.id,
      patientId: p.patientId,
      totalCents: 7140,
      ...extra,
      ...(n >= 0 ? { status: "issued", year: 2024 + Math.floor(n / 1000), number: (n % 1000) + 1 } : {}),
    });
    await testDb().invoice.createMany({
      data: [
        ...Array.from({ length: 3000 }, (_, n) => {
          const date = `${2024 + Math.floor(n / 1000)}-${String((n % 12) + 1).padStart(2, "0")}-10`;
          return invoice(n, { issueDate: date, paymentDate: n % 300 === 0 ? null : date });
        }),
        ...Array.from({ length: 5 }, () => invoice(-1, { issueDate: "2026-11-10" })),
      ],
    });
    await testDb().$executeRawUnsafe('ANALYZE "Invoice"');
    for (const statement of HOME_FIGURES) {
      const plan = await planOf(statement, p.id);
      expect(plan, statement).toContain("Invoice_open_figures_idx");
      if (testDatabaseProvider() === "sqlite") expect(plan, statement).toContain("COVERING INDEX");
    }
  });
});

// The deadline banner's count per payment year (home and the list, every render), as lib/data/sts-payment-years.ts
// asks for it. SQLite reads the groups in the order of Invoice_sts_payment_year_idx, an index on the payment year's
// expression that only its migration declares, instead of sorting every open document: the plan fails if the
// statement's expression and the index's part ways. PostgreSQL has no such index and reads Invoice_sts_open_idx.
describe("the deadline banner's count per payment year", () => {
  it("reads the groups from an index, without sorting the open documents", async () => {
    const p = await stsPractitioner("payment-year-index");
    await testDb().invoice.createMany({
      data: Array.from({ length: 3000 }, (_, n) => {
        const date = `${2022 + (n % 5)}-${String((n % 12) + 1).padStart(2, "0")}-10`;
        return {
          practitionerId: p.id,
          patientId: p.patientId,
          status: "issued",
          year: 2022 + (n % 5),
          number: Math.floor(n / 5) + 1,
          issueDate: date,
          paymentDate: n % 7 === 0 ? null : date,
          // Two in five accepted, the rest in each open state in turn.
          stsState: n % 5 < 2 ? "accepted" : OPEN_STS_STATES[n % OPEN_STS_STATES.length],
        };
      }),
    });
    await testDb().$executeRawUnsafe('ANALYZE "Invoice"');
    const plan = await planOfStatement(openStsCountStatement(p.id));
    if (testDatabaseProvider() === "sqlite") {
      expect(plan).toContain("Invoice_sts_payment_year_idx");
      expect(plan).not.toContain("TEMP B-TREE");
    } else {
      expect(plan).toContain("Invoice_sts_open_idx");
      expect(plan).not.toContain("Seq Scan");
    }
  });
});

// The list's year filter (every render of the list), as lib/data/invoice-list.ts asks for it: one descent of an index
// per year. PostgreSQL has no skip scan, and `SELECT DISTINCT "year"` read every document of the history: the rows
// its plan reads are counted, and the test fails with that statement (checked). SQLite skip-scanned either way; its
// plan must search an index, not scan the table.
describe("the list's year filter", () => {
  it("reads one index entry per year, not the practitioner's whole history", async () => {
    const p = await stsPractitioner("invoice-years-index");
    await testDb().invoice.createMany({
      data: Array.from({ length: 3000 }, (_, n) => ({
        practitionerId: p.id,
        patientId: p.patientId,
        status: "issued",
        year: 2022 + (n % 5),
        number: Math.floor(n / 5) + 1,
        issueDate: `${2022 + (n % 5)}-03-10`,
      })),
    });
    await testDb().$executeRawUnsafe('ANALYZE "Invoice"');
    const plan = await planOfStatement(invoiceYearsStatement(p.id), true);
    if (testDatabaseProvider() === "sqlite") {
      expect(plan).toContain("COVERING INDEX");
      expect(plan).not.toMatch(/SCAN "?Invoice"?\b(?! USING)/);
    } else {
      const read = [...plan.matchAll(/Scan[^\n]*actual rows=(\d+) loops=(\d+)/g)].reduce(
        (sum, [, n, loops]) => sum + Number(n) * Number(loops),
        0,
      );
      expect(plan).not.toContain("Seq Scan");
      expect(read, plan).toBeGreaterThan(0);
      expect(read, plan).toBeLessThan(50);
    }
  });
});
