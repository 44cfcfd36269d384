import type { DbOrTx } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { queryRows } from "./direct-sql";

/** The STS states of a document that is not (or not yet) with STS: what the deadline banner counts. */
export const OPEN_STS_STATES = [
  "to_send",
  "sending",
  "awaiting_outcome",
  "rejected",
  "failed",
  "not_eligible",
] as const;

export type OpenStsCount = { year: number; stsState: string; count: number };

/**
 * How many of the practitioner's non-draft documents are in each open STS state, per payment year: a credit note's
 * payment date is its issue date, an unpaid invoice counts in its issue year until paid. One grouped statement (the
 * banner is on the home page and the list, and a practitioner keeps thousands of refused or not-eligible documents
 * from past years), with the year taken from the "yyyy-MM-dd" text on both databases.
 */
export async function countOpenStsDocumentsByPaymentYear(db: DbOrTx, practitionerId: string): Promise<OpenStsCount[]> {
  const rows = await queryRows<{ year: string; stsState: string; count: number | bigint | string }>(
    db,
    Prisma.sql`
      SELECT SUBSTR(CASE WHEN "kind" = 'credit_note' THEN "issueDate" ELSE COALESCE("paymentDate", "issueDate") END, 1, 4)
               AS "year",
             "stsState", CAST(COUNT(*) AS INTEGER) AS "count"
      FROM "Invoice"
      WHERE "practitionerId" = ${practitionerId} AND "stsState" IN (${Prisma.join([...OPEN_STS_STATES])})
        AND "status" <> 'draft'
      GROUP BY 1, 2`,
  );
  return rows.map((r) => ({ year: Number(r.year), stsState: r.stsState, count: Number(r.count) }));
}
