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

// A document's payment year: a credit note's payment date is its issue date, an unpaid invoice counts in its issue
// year until paid; the year taken from the "yyyy-MM-dd" text on both databases. SQLite's index
// Invoice_sts_payment_year_idx (its migration 20261204204500, an index on this expression, which Prisma's schema
// cannot declare) holds the same expression, and SQLite uses it only when the statement writes it exactly so:
// tests/integration/invoice-indexes.test.ts checks the plan.
const PAYMENT_YEAR = Prisma.raw(
  `SUBSTR(CASE WHEN "kind" = 'credit_note' THEN "issueDate" ELSE COALESCE("paymentDate", "issueDate") END, 1, 4)`,
);

/** The statement of countOpenStsDocumentsByPaymentYear (exported for the test of its plan). */
export function openStsCountStatement(practitionerId: string): Prisma.Sql {
  return Prisma.sql`
      SELECT ${PAYMENT_YEAR} AS "year", "stsState", CAST(COUNT(*) AS INTEGER) AS "count"
      FROM "Invoice"
      WHERE "practitionerId" = ${practitionerId} AND "stsState" IN (${Prisma.join([...OPEN_STS_STATES])})
        AND "status" <> 'draft'
      GROUP BY "stsState", ${PAYMENT_YEAR}`;
}

/**
 * How many of the practitioner's non-draft documents are in each open STS state, per payment year. One grouped
 * statement (the banner is on the home page and the list, and a practitioner keeps thousands of refused or
 * not-eligible documents from past years). On SQLite it reads the groups in the order of an index of the payment
 * year, without sorting them; PostgreSQL reads Invoice_sts_open_idx alone and groups them with a hash.
 */
export async function countOpenStsDocumentsByPaymentYear(db: DbOrTx, practitionerId: string): Promise<OpenStsCount[]> {
  const rows = await queryRows<{ year: string; stsState: string; count: number | bigint | string }>(
    db,
    openStsCountStatement(practitionerId),
  );
  return rows.map((r) => ({ year: Number(r.year), stsState: r.stsState, count: Number(r.count) }));
}
