import { describe, expect, it } from "vitest";
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
