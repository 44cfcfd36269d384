import type { DbOrTx } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { queryRows } from "./direct-sql";

export type MonthSums = { invoiced: Map<number, number>; collected: Map<number, number> };

/**
 * One year of the practitioner's issued documents summed by month in the database (credit notes subtract): invoiced
 * by issue date, collected by payment date (a credit note's is its issue date). The home page shows them on every
 * visit, and a year holds thousands of documents that need not travel to be added up.
 */
export async function sumIssuedByMonth(db: DbOrTx, practitionerId: string, year: number): Promise<MonthSums> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const signed = Prisma.sql`CAST(SUM(CASE WHEN "kind" = 'credit_note' THEN -"totalCents" ELSE "totalCents" END) AS BIGINT)`;
  const rows = await queryRows<{ by: string; month: string; cents: number | bigint | string }>(
    db,
    Prisma.sql`
      SELECT 'invoiced' AS "by", SUBSTR("issueDate", 6, 2) AS "month", ${signed} AS "cents"
      FROM "Invoice"
      WHERE "practitionerId" = ${practitionerId} AND "status" = 'issued' AND "issueDate" >= ${from} AND "issueDate" <= ${to}
      GROUP BY SUBSTR("issueDate", 6, 2)
      UNION ALL
      SELECT 'collected', SUBSTR("paymentDate", 6, 2), ${signed}
      FROM "Invoice"
      WHERE "practitionerId" = ${practitionerId} AND "status" = 'issued' AND "paymentDate" >= ${from} AND "paymentDate" <= ${to}
      GROUP BY SUBSTR("paymentDate", 6, 2)`,
  );
  const sums: MonthSums = { invoiced: new Map(), collected: new Map() };
  for (const row of rows)
    (row.by === "invoiced" ? sums.invoiced : sums.collected).set(Number(row.month), Number(row.cents));
  return sums;
}

export type OpenFigures = { unpaidCents: number; unpaidCount: number; draftCount: number };

/**
 * The home page's other figures, of any year: the issued invoices not yet paid (their total and how many) and the
 * drafts. One pass over the practitioner's drafts and issued documents, on the driver: as two statements through
 * Prisma they read the history twice and cost its query compiler twice, on every visit of the home page.
 */
export async function sumUnpaidAndCountDrafts(db: DbOrTx, practitionerId: string): Promise<OpenFigures> {
  const unpaid = Prisma.sql`"status" = 'issued' AND "kind" = 'invoice' AND "paymentDate" IS NULL`;
  const [row] = await queryRows<{
    unpaidCents: number | bigint | string | null;
    unpaidCount: number | bigint | string;
    draftCount: number | bigint | string;
  }>(
    db,
    Prisma.sql`
      SELECT CAST(SUM(CASE WHEN ${unpaid} THEN "totalCents" ELSE 0 END) AS BIGINT) AS "unpaidCents",
             CAST(COUNT(CASE WHEN ${unpaid} THEN 1 END) AS INTEGER) AS "unpaidCount",
             CAST(COUNT(CASE WHEN "status" = 'draft' THEN 1 END) AS INTEGER) AS "draftCount"
      FROM "Invoice"
      WHERE "practitionerId" = ${practitionerId} AND "status" IN ('draft', 'issued')`,
  );
  return {
    unpaidCents: Number(row?.unpaidCents ?? 0),
    unpaidCount: Number(row?.unpaidCount ?? 0),
    draftCount: Number(row?.draftCount ?? 0),
  };
}
