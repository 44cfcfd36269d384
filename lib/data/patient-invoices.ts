import type { DbOrTx } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { queryRows } from "./direct-sql";

// The patient card's two lists of invoices, hand-written on the driver (lib/data/direct-sql.ts): the rows Prisma's
// model API returns for the same question (tests/integration/patient-card-reads.test.ts compares them), at a
// fraction of its query compiler's cost per render. Both are scoped to the practitioner and the patient.

/** What both lists say of a document: which it is, its number and date, its total. */
type DocumentRow = {
  id: string;
  kind: string;
  status: string;
  year: number | null;
  number: number | null;
  issueDate: string;
  totalCents: number;
};

export type PatientInvoiceRow = DocumentRow & {
  paymentDate: string | null;
  stsState: string;
  stsReason: string | null;
  stsEverHeld: boolean;
};

/** The patient's invoices and credit notes, drafts included, newest first. */
export async function listPatientInvoiceRows(
  db: DbOrTx,
  practitionerId: string,
  patientId: string,
): Promise<PatientInvoiceRow[]> {
  const rows = await queryRows<Omit<PatientInvoiceRow, "stsEverHeld"> & { stsEverHeld: boolean | number }>(
    db,
    Prisma.sql`
    SELECT "id", "kind", "status", "year", "number", "issueDate", "paymentDate", "totalCents", "stsState", "stsReason",
      "stsEverHeld"
    FROM "Invoice" WHERE "practitionerId" = ${practitionerId} AND "patientId" = ${patientId}
    ORDER BY "issueDate" DESC, "createdAt" DESC`,
  );
  return rows.map((row) => ({ ...row, stsEverHeld: Boolean(row.stsEverHeld) }));
}

export type PaidDocumentRow = DocumentRow & {
  paymentDate: string;
  paymentMethod: string | null;
  /** For a credit note, the invoice it refunds. */
  creditedInvoice: { kind: string; status: string; number: number | null; year: number | null } | null;
};

type PaidDocumentSqlRow = Omit<PaidDocumentRow, "creditedInvoice"> & {
  cKind: string | null;
  cStatus: string | null;
  cNumber: number | null;
  cYear: number | null;
};

/**
 * The patient's issued documents with a payment date (in `year` when given), oldest payment first: invoices, and
 * credit notes whose original invoice is issued and paid (a credit note of an unpaid invoice refunds nothing).
 */
export async function findPaidDocumentRows(
  db: DbOrTx,
  practitionerId: string,
  patientId: string,
  year?: number,
): Promise<PaidDocumentRow[]> {
  const paid =
    year === undefined
      ? Prisma.sql`i."paymentDate" IS NOT NULL`
      : Prisma.sql`i."paymentDate" >= ${`${year}-01-01`} AND i."paymentDate" <= ${`${year}-12-31`}`;
  const rows = await queryRows<PaidDocumentSqlRow>(
    db,
    Prisma.sql`
    SELECT i."id", i."kind", i."status", i."year", i."number", i."issueDate", i."paymentDate", i."paymentMethod",
      i."totalCents", c."kind" AS "cKind", c."status" AS "cStatus", c."number" AS "cNumber", c."year" AS "cYear"
    FROM "Invoice" i LEFT JOIN "Invoice" c ON c."id" = i."creditedInvoiceId"
    WHERE i."practitionerId" = ${practitionerId} AND i."patientId" = ${patientId} AND i."status" = 'issued' AND ${paid}
      AND (i."kind" = 'invoice' OR (i."kind" = 'credit_note' AND c."practitionerId" = ${practitionerId}
        AND c."status" = 'issued' AND c."paymentDate" IS NOT NULL))
    ORDER BY i."paymentDate" ASC, i."issueDate" ASC, i."createdAt" ASC`,
  );
  return rows.map(({ cKind, cStatus, cNumber, cYear, ...row }) => ({
    ...row,
    creditedInvoice:
      cKind === null || cStatus === null ? null : { kind: cKind, status: cStatus, number: cNumber, year: cYear },
  }));
}
