import type { DbOrTx } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { queryRows } from "./direct-sql";

/**
 * How many first insertions (invoices STS never held, not reissues) wait to be sent with a date before `before`: the
 * documents the hourly automatic run leaves alone under its minimum date. Counted on every render of the invoice
 * list: hand-written, on the driver (lib/data/direct-sql.ts).
 */
export async function countFirstInsertionsBefore(db: DbOrTx, practitionerId: string, before: string): Promise<number> {
  const [row] = await queryRows<{ count: number | bigint | string }>(
    db,
    Prisma.sql`
      SELECT CAST(COUNT(*) AS INTEGER) AS "count" FROM "Invoice"
      WHERE "practitionerId" = ${practitionerId} AND "stsState" IN ('to_send', 'failed') AND "issueDate" < ${before}
        AND "stsEverHeld" = FALSE AND "kind" = 'invoice' AND "replacesInvoiceId" IS NULL`,
  );
  return Number(row?.count ?? 0);
}
