import type { DbOrTx } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { queryRows } from "./direct-sql";

export type OpenDifferences = { year: number; differences: number };

/**
 * The payment years whose last "Verifica su STS" left differences unfixed, the latest first: the home page's banner,
 * on every visit. Hand-written, on the driver (lib/data/direct-sql.ts), where Prisma's query compiler cost more.
 */
export async function findOpenDifferences(db: DbOrTx, practitionerId: string): Promise<OpenDifferences[]> {
  const rows = await queryRows<{ year: number | bigint; differences: number | bigint }>(
    db,
    Prisma.sql`
      SELECT "year", "differences" FROM "StsReconciliation"
      WHERE "practitionerId" = ${practitionerId} AND "differences" > 0
      ORDER BY "year" DESC`,
  );
  return rows.map((r) => ({ year: Number(r.year), differences: Number(r.differences) }));
}
