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
 * drafts. On the driver, each from its own range of `Invoice_open_figures_idx` (practitioner, status, payment date,
 * kind, total): what is unpaid or a draft, not the whole history, which one pass over the table read at every visit.
 */
export async function sumUnpaidAndCountDrafts(db: DbOrTx, practitionerId: string): Promise<OpenFigures> {
  const [row] = await queryRows<{
    unpaidCents: number | bigint | string | null;
    unpaidCount: number | bigint | string;
    draftCount: number | bigint | string;
  }>(
    db,
    Prisma.sql`
      SELECT u."unpaidCents", u."unpaidCount", d."draftCount"
      FROM (SELECT CAST(SUM("totalCents") AS BIGINT) AS "unpaidCents", CAST(COUNT(*) AS INTEGER) AS "unpaidCount"
            FROM "Invoice"
            WHERE "practitionerId" = ${practitionerId} AND "status" = 'issued' AND "paymentDate" IS NULL
              AND "kind" = 'invoice') u,
           (SELECT CAST(COUNT(*) AS INTEGER) AS "draftCount" FROM "Invoice"
            WHERE "practitionerId" = ${practitionerId} AND "status" = 'draft') d`,
  );
  return {
    unpaidCents: Number(row?.unpaidCents ?? 0),
    unpaidCount: Number(row?.unpaidCount ?? 0),
    draftCount: Number(row?.draftCount ?? 0),
  };
}
