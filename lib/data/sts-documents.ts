import type { DbOrTx } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { INVOICE_KINDS, INVOICE_STATUSES, type InvoiceKind, type InvoiceStatus } from "../domain/invoice-kind";
import { STS_STATES, type StsState } from "../domain/sts/status";
import { queryRows } from "./direct-sql";
import { oneOf } from "./narrow";

// The documents of the STS services are read and claimed with hand-written SQL, valid on SQLite and PostgreSQL
// alike: these queries run for every batch of the hourly run and of the outcome polling, and through Prisma's
// model API each call costs about 1.5 ms of CPU (the query is compiled at every call) against 0.4–0.9 ms raw
// (docs/BENCHMARKS.md). They run on the driver Prisma uses, or through Prisma inside a transaction
// (lib/data/direct-sql.ts).

/** What the STS services need of an invoice: its data, lines, patient and the original it refunds. */
export type StsInvoice = {
  id: string;
  practitionerId: string;
  patientId: string;
  kind: InvoiceKind;
  status: InvoiceStatus;
  number: number | null;
  year: number | null;
  issueDate: string;
  paymentDate: string | null;
  paymentMethod: string | null;
  opposition: boolean;
  creditedInvoiceId: string | null;
  /** "Annulla e riemetti": the voided invoice this one replaces, and the invoice that replaced this one. */
  replacesInvoiceId: string | null;
  replacedById: string | null;
  pensionFundRateBp: number;
  bolloPolicy: string;
  taxRegime: string;
  patientSnapshot: string | null;
  issuerSnapshot: string | null;
  contentVersion: number;
  stsRecord: string;
  stsRecordRev: number;
  stsState: StsState;
  stsReason: string | null;
  lines: { quantity: number; unitPriceCents: number; pensionFund: boolean; expenseType: string }[];
  patient: { id: string; kind: string; foreign: boolean; codiceFiscale: string | null };
  creditedInvoice: {
    id: string;
    kind: InvoiceKind;
    number: number | null;
    year: number | null;
    issueDate: string;
    stsRecord: string;
    issuerSnapshot: string | null;
  } | null;
};

/** Which of a practitioner's documents to read; every condition given must hold. */
export type StsInvoiceFilter = {
  ids?: string[];
  notIds?: string[];
  states?: string[];
  /**
   * The automatic minimum date, which applies to first insertions only: documents dated before it are left out
   * unless STS has held them (their V and C), they are credit notes (an R needs its original held) or they
   * replace a voided invoice ("Annulla e riemetti", sent with the cancellation of the old one).
   */
  automaticFrom?: string;
  creditedInvoiceIds?: string[];
  patientId?: string;
};

type Row = Omit<StsInvoice, "lines" | "patient" | "creditedInvoice" | "opposition" | "kind" | "status" | "stsState"> & {
  kind: string;
  status: string;
  stsState: string;
  opposition: boolean | number;
  patientKind: string;
  patientForeign: boolean | number;
  patientCodiceFiscale: string | null;
  cId: string | null;
  cKind: string;
  cNumber: number | null;
  cYear: number | null;
  cIssueDate: string;
  cStsRecord: string;
  cIssuerSnapshot: string | null;
};

type LineRow = {
  invoiceId: string;
  quantity: number;
  unitPriceCents: number;
  pensionFund: boolean | number;
  expenseType: string;
};

const list = (values: string[]) => Prisma.join(values);
// SQLite hands integers back as numbers and booleans as 0/1; PostgreSQL as numbers and booleans.
const int = (value: number | bigint | null) => (value === null ? null : Number(value));

/** The practitioner's documents matching `filter`, oldest first (issue date, then number), with lines and patient. */
export async function findStsInvoices(
  db: DbOrTx,
  practitionerId: string,
  filter: StsInvoiceFilter = {},
  page: { take?: number; skip?: number } = {},
): Promise<StsInvoice[]> {
  for (const values of [filter.ids, filter.states, filter.creditedInvoiceIds])
    if (values && values.length === 0) return [];
  const conditions = [Prisma.sql`i."practitionerId" = ${practitionerId}`];
  if (filter.ids) conditions.push(Prisma.sql`i."id" IN (${list(filter.ids)})`);
  if (filter.notIds?.length) conditions.push(Prisma.sql`i."id" NOT IN (${list(filter.notIds)})`);
  if (filter.states) conditions.push(Prisma.sql`i."stsState" IN (${list(filter.states)})`);
  if (filter.automaticFrom) {
    conditions.push(Prisma.sql`(i."issueDate" >= ${filter.automaticFrom} OR i."stsEverHeld" = TRUE
      OR i."kind" = 'credit_note' OR i."replacesInvoiceId" IS NOT NULL)`);
  }
  if (filter.creditedInvoiceIds)
    conditions.push(Prisma.sql`i."creditedInvoiceId" IN (${list(filter.creditedInvoiceIds)})`);
  if (filter.patientId) conditions.push(Prisma.sql`i."patientId" = ${filter.patientId}`);
  const limit = page.take === undefined ? Prisma.empty : Prisma.sql`LIMIT ${page.take} OFFSET ${page.skip ?? 0}`;
  // The patient's three columns are read by its primary key, one row at a time, never joined: with the table bloated
  // by a large run's updates (no vacuum yet), PostgreSQL's estimate of a practitioner's candidates grew and it hashed
  // the whole Patient table for a batch of 25 (docs/BENCHMARKS.md, "Growth of the hourly run").
  const rows = await queryRows<Row>(
    db,
    Prisma.sql`
    SELECT i."id", i."practitionerId", i."patientId", i."kind", i."status", i."number", i."year", i."issueDate",
      i."paymentDate", i."paymentMethod", i."opposition", i."creditedInvoiceId", i."replacesInvoiceId",
      (SELECT r."id" FROM "Invoice" r WHERE r."replacesInvoiceId" = i."id") AS "replacedById", i."pensionFundRateBp",
      i."bolloPolicy", i."taxRegime", i."patientSnapshot", i."issuerSnapshot", i."contentVersion", i."stsRecord",
      i."stsRecordRev", i."stsState", i."stsReason",
      (SELECT p."kind" FROM "Patient" p WHERE p."id" = i."patientId") AS "patientKind",
      (SELECT p."foreign" FROM "Patient" p WHERE p."id" = i."patientId") AS "patientForeign",
      (SELECT p."codiceFiscale" FROM "Patient" p WHERE p."id" = i."patientId") AS "patientCodiceFiscale",
      c."id" AS "cId", c."kind" AS "cKind", c."number" AS "cNumber", c."year" AS "cYear",
      c."issueDate" AS "cIssueDate", c."stsRecord" AS "cStsRecord", c."issuerSnapshot" AS "cIssuerSnapshot"
    FROM "Invoice" i
    LEFT JOIN "Invoice" c ON c."id" = i."creditedInvoiceId"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY i."issueDate", i."number", i."id"
    ${limit}`,
  );
  if (rows.length === 0) return [];
  // The lines in a second statement, by invoice id: joined into the first, PostgreSQL may hash-join the whole
  // InvoiceLine table instead of using its index (seen at 250,000 lines without statistics: one full scan per batch).
  const lines = await queryRows<LineRow>(
    db,
    Prisma.sql`
    SELECT "invoiceId", "quantity", "unitPriceCents", "pensionFund", "expenseType"
    FROM "InvoiceLine" WHERE "invoiceId" IN (${list(rows.map((r) => r.id))})
    ORDER BY "invoiceId", "position"`,
  );
  const documents = new Map(rows.map((r) => [r.id, toStsInvoice(r)]));
  for (const l of lines) {
    documents.get(l.invoiceId)?.lines.push({
      quantity: int(l.quantity)!,
      unitPriceCents: int(l.unitPriceCents)!,
      pensionFund: Boolean(l.pensionFund),
      expenseType: l.expenseType,
    });
  }
  return [...documents.values()];
}

function toStsInvoice(r: Row): StsInvoice {
  return {
    id: r.id,
    practitionerId: r.practitionerId,
    patientId: r.patientId,
    kind: oneOf(INVOICE_KINDS, r.kind, "Invoice.kind"),
    status: oneOf(INVOICE_STATUSES, r.status, "Invoice.status"),
    number: int(r.number),
    year: int(r.year),
    issueDate: r.issueDate,
    paymentDate: r.paymentDate,
    paymentMethod: r.paymentMethod,
    opposition: Boolean(r.opposition),
    creditedInvoiceId: r.creditedInvoiceId,
    replacesInvoiceId: r.replacesInvoiceId,
    replacedById: r.replacedById,
    pensionFundRateBp: int(r.pensionFundRateBp)!,
    bolloPolicy: r.bolloPolicy,
    taxRegime: r.taxRegime,
    patientSnapshot: r.patientSnapshot,
    issuerSnapshot: r.issuerSnapshot,
    contentVersion: int(r.contentVersion)!,
    stsRecord: r.stsRecord,
    stsRecordRev: int(r.stsRecordRev)!,
    stsState: oneOf(STS_STATES, r.stsState, "Invoice.stsState"),
    stsReason: r.stsReason,
    lines: [],
    patient: {
      id: r.patientId,
      kind: r.patientKind,
      foreign: Boolean(r.patientForeign),
      codiceFiscale: r.patientCodiceFiscale,
    },
    creditedInvoice: r.cId
      ? {
          id: r.cId,
          kind: oneOf(INVOICE_KINDS, r.cKind, "Invoice.kind"),
          number: int(r.cNumber),
          year: int(r.cYear),
          issueDate: r.cIssueDate,
          stsRecord: r.cStsRecord,
          issuerSnapshot: r.cIssuerSnapshot,
        }
      : null,
  };
}

export type StsRecordChange = {
  id: string;
  /** The revision read with the record: the change is saved only if nobody saved another since. */
  rev: number;
  stsRecord: string;
  stsState: StsState;
  stsReason: string | null;
  /** STS holds or cancelled the document after this change (stsEverHeld only ever turns true). */
  everHeld?: boolean;
};

/**
 * Saves many documents' STS records in one statement, each only if its revision is still the one read (and bumps
 * it): how several workers and web instances agree on who sends a document. Returns the ids saved; the others lost
 * a race and must be read again. `updatedAt` is the time of the write, as Prisma's @updatedAt would set it. The
 * saves that go as one unit with a submission's own changes are in lib/data/sts-batch-saves.ts.
 */
export async function updateStsRecordsIfUnchanged(
  db: DbOrTx,
  practitionerId: string,
  changes: StsRecordChange[],
): Promise<Set<string>> {
  if (changes.length === 0) return new Set();
  const rows = await queryRows<{ id: string }>(db, stsRecordsUpdate(practitionerId, changes));
  return new Set(rows.map((r) => r.id));
}

/** The statement of updateStsRecordsIfUnchanged, for the saves that run it with others as one unit. */
export function stsRecordsUpdate(practitionerId: string, changes: StsRecordChange[]): Prisma.Sql {
  // The changes as a VALUES table joined on (id, revision): one row per document, valid on both databases (their
  // VALUES columns are both named column1…column6).
  const values = changes.map(
    (c) =>
      Prisma.sql`(${c.id}, CAST(${c.rev} AS INTEGER), ${c.stsRecord}, ${c.stsState}, ${c.stsReason}, ${Prisma.raw(c.everHeld ? "TRUE" : "FALSE")})`,
  );
  return Prisma.sql`
    UPDATE "Invoice" SET
      "stsRecord" = v.column3,
      "stsState" = v.column4,
      "stsReason" = v.column5,
      "stsRecordRev" = "Invoice"."stsRecordRev" + 1,
      "stsEverHeld" = ("Invoice"."stsEverHeld" OR v.column6),
      "updatedAt" = ${new Date()}
    FROM (VALUES ${Prisma.join(values, ", ")}) AS v
    WHERE "Invoice"."practitionerId" = ${practitionerId} AND "Invoice"."id" = v.column1 AND "Invoice"."stsRecordRev" = v.column2
    RETURNING "Invoice"."id" AS "id"`;
}

/** The practitioner's credit notes refunding any of `originalIds`. */
export async function findCreditNoteIds(db: DbOrTx, practitionerId: string, originalIds: string[]): Promise<string[]> {
  if (originalIds.length === 0) return [];
  const rows = await queryRows<{ id: string }>(
    db,
    Prisma.sql`
    SELECT "id" FROM "Invoice" WHERE "practitionerId" = ${practitionerId} AND "creditedInvoiceId" IN (${list(originalIds)})`,
  );
  return rows.map((r) => r.id);
}
