import type { DbOrTx, Tx } from "../db";
import { Prisma, type Invoice, type InvoiceEvent, type InvoiceLine } from "../generated/sqlite/client";
import { STS_STATES } from "../domain/sts/status";
import { executeSql, queryRows } from "./direct-sql";
import { dateOrNull, invoiceKindAndStatus, oneOf } from "./narrow";
import { findPatient } from "./patients";
import { findProfile } from "./profiles";

const INVOICE_COLUMNS = [
  "id",
  "practitionerId",
  "patientId",
  "kind",
  "status",
  "year",
  "number",
  "issueDate",
  "paymentDate",
  "paymentMethod",
  "paidInAdvance",
  "opposition",
  "creditedInvoiceId",
  "replacesInvoiceId",
  "subtotalCents",
  "pensionFundCents",
  "bolloCents",
  "bolloChargedToPatient",
  "totalCents",
  "pensionFundRateBp",
  "pensionFundLabel",
  "taxRegime",
  "bolloPolicy",
  "bolloIdentifier",
  "notes",
  "patientSnapshot",
  "issuerSnapshot",
  "contentVersion",
  "issuedAt",
  "voidedAt",
  "voidReason",
  "createdAt",
  "updatedAt",
  "stsRecord",
  "stsRecordRev",
  "stsEverHeld",
  "stsState",
  "stsReason",
  "lastReminderAt",
] as const satisfies readonly (keyof Invoice)[];
type InvoiceBoolean = "paidInAdvance" | "opposition" | "bolloChargedToPatient" | "stsEverHeld";
type InvoiceDate = "issuedAt" | "voidedAt" | "createdAt" | "updatedAt" | "lastReminderAt";
type InvoiceSqlRow = Omit<Invoice, InvoiceBoolean | InvoiceDate> & { [K in InvoiceBoolean]: boolean | number } & {
  [K in InvoiceDate]: Date | string | null;
};

/** Another document an invoice points at (the invoice it credits, the one it replaces or is replaced by). */
type LinkedInvoice = Pick<Invoice, "id" | "kind" | "number" | "year" | "issueDate" | "status">;
const LINKED = ["id", "kind", "number", "year", "issueDate", "status"] as const satisfies readonly (keyof Invoice)[];
type Linked<P extends string> = { [K in keyof LinkedInvoice as `${P}${Capitalize<K>}`]: LinkedInvoice[K] | null };
type InvoiceWithLinksRow = InvoiceSqlRow & Linked<"c"> & Linked<"r"> & Linked<"b">;

const linkedColumns = (alias: string) =>
  LINKED.map((column) => `${alias}."${column}" AS "${alias}${column[0]!.toUpperCase()}${column.slice(1)}"`).join(", ");
// Built once from the constant lists above: no value of a request is ever part of the text.
const INVOICE_WITH_LINKS = Prisma.raw(
  `SELECT ${INVOICE_COLUMNS.map((column) => `i."${column}"`).join(", ")}, ${linkedColumns("c")}, ${linkedColumns("r")},
    ${linkedColumns("b")}
  FROM "Invoice" i
  LEFT JOIN "Invoice" c ON c."id" = i."creditedInvoiceId"
  LEFT JOIN "Invoice" r ON r."id" = i."replacesInvoiceId"
  LEFT JOIN "Invoice" b ON b."replacesInvoiceId" = i."id"`,
);

function linked<P extends "c" | "r" | "b">(row: InvoiceWithLinksRow, prefix: P): LinkedInvoice | null {
  const value = (column: (typeof LINKED)[number]) =>
    row[`${prefix}${column[0]!.toUpperCase()}${column.slice(1)}` as keyof InvoiceWithLinksRow];
  if (value("id") === null) return null;
  return Object.fromEntries(LINKED.map((column) => [column, value(column)])) as LinkedInvoice;
}

type InvoiceLineSqlRow = Omit<InvoiceLine, "pensionFund"> & { pensionFund: boolean | number };

/**
 * An invoice with what its page, its PDF and every service that changes it need: its lines in order, its patient,
 * the invoice it credits, its credit notes (oldest first), the one it replaces and the one that replaced it. The
 * object Prisma's model API returns for the same include (tests/integration/invoice-page-reads.test.ts compares the
 * two), hand-written on the driver (lib/data/direct-sql.ts): Prisma's query compiler made seven statements of it and
 * cost more than they did. Another practitioner's id answers null.
 */
export async function findInvoice(db: DbOrTx, practitionerId: string, id: string) {
  const [row] = await queryRows<InvoiceWithLinksRow>(
    db,
    Prisma.sql`${INVOICE_WITH_LINKS} WHERE i."id" = ${id} AND i."practitionerId" = ${practitionerId}`,
  );
  if (!row) return null;
  const [lines, patient, creditNotes] = await Promise.all([
    queryRows<InvoiceLineSqlRow>(
      db,
      Prisma.sql`
      SELECT "id", "invoiceId", "position", "description", "quantity", "unitPriceCents", "amountCents", "pensionFund",
        "pensionFundCents", "expenseType"
      FROM "InvoiceLine" WHERE "invoiceId" = ${id} ORDER BY "position" ASC`,
    ),
    findPatient(db, practitionerId, row.patientId),
    queryRows<LinkedInvoice & { totalCents: number }>(
      db,
      Prisma.sql`
      SELECT "id", "kind", "number", "year", "issueDate", "status", "totalCents" FROM "Invoice"
      WHERE "creditedInvoiceId" = ${id} ORDER BY "issueDate" ASC`,
    ),
  ]);
  if (!patient) throw new Error(`Invoice ${id}: its patient is not its practitioner's.`);
  const invoice: Invoice = {
    ...(Object.fromEntries(INVOICE_COLUMNS.map((column) => [column, row[column]])) as InvoiceSqlRow),
    paidInAdvance: Boolean(row.paidInAdvance),
    opposition: Boolean(row.opposition),
    bolloChargedToPatient: Boolean(row.bolloChargedToPatient),
    stsEverHeld: Boolean(row.stsEverHeld),
    issuedAt: dateOrNull(row.issuedAt),
    voidedAt: dateOrNull(row.voidedAt),
    createdAt: new Date(row.createdAt!),
    updatedAt: new Date(row.updatedAt!),
    lastReminderAt: dateOrNull(row.lastReminderAt),
  };
  const creditedInvoice = linked(row, "c");
  const replaces = linked(row, "r");
  const replacedBy = linked(row, "b");
  return {
    ...invoiceKindAndStatus(invoice),
    stsState: oneOf(STS_STATES, invoice.stsState, "Invoice.stsState"),
    lines: lines.map((line) => ({ ...line, pensionFund: Boolean(line.pensionFund) })),
    patient,
    creditedInvoice: creditedInvoice && invoiceKindAndStatus(creditedInvoice),
    creditNotes: creditNotes.map(invoiceKindAndStatus),
    replaces: replaces && invoiceKindAndStatus(replaces),
    replacedBy: replacedBy && invoiceKindAndStatus(replacedBy),
  };
}

export type InvoiceWithDetails = NonNullable<Awaited<ReturnType<typeof findInvoice>>>;

// An invoice's history, oldest first, on its page: hand-written on the driver (lib/data/direct-sql.ts), the rows
// Prisma's model API returns (tests/integration/invoice-page-reads.test.ts compares them).
export async function findInvoiceEvents(
  db: DbOrTx,
  practitionerId: string,
  invoiceId: string,
): Promise<InvoiceEvent[]> {
  const rows = await queryRows<Omit<InvoiceEvent, "at"> & { at: Date | string }>(
    db,
    Prisma.sql`
    SELECT "id", "invoiceId", "practitionerId", "actorId", "action", "changes", "at" FROM "InvoiceEvent"
    WHERE "invoiceId" = ${invoiceId} AND "practitionerId" = ${practitionerId}
    ORDER BY "at" ASC, "id" ASC`,
  );
  return rows.map((row) => ({ ...row, at: new Date(row.at) }));
}

// Atomic "next number" for a series and year: one statement, valid on SQLite and PostgreSQL, holding the
// counter row's lock until the surrounding transaction ends (so a rollback returns the number).
export async function takeNextNumber(tx: Tx, practitionerId: string, series: string, year: number): Promise<number> {
  const rows = await tx.$queryRaw<{ lastNumber: number | bigint }[]>`
    INSERT INTO "InvoiceCounter" ("practitionerId", "series", "year", "lastNumber")
    VALUES (${practitionerId}, ${series}, ${year}, 1)
    ON CONFLICT ("practitionerId", "series", "year")
    DO UPDATE SET "lastNumber" = "InvoiceCounter"."lastNumber" + 1
    RETURNING "lastNumber"`;
  return Number(rows[0]!.lastNumber);
}

// Issue dates of the neighbours of a numbered document, for the chronological-order rule.
export async function neighbourIssueDates(
  db: DbOrTx,
  practitionerId: string,
  kind: string,
  year: number,
  number: number | null,
) {
  // A voided document keeps its number but not its date's weight: its wrong date (the reason it was voided,
  // often) must not block the numbers after it.
  const where = { practitionerId, kind, year, number: { not: null }, status: { not: "void" } };
  const previous = await db.invoice.findFirst({
    where: { ...where, ...(number === null ? {} : { number: { lt: number } }) },
    orderBy: { number: "desc" },
    select: { number: true, issueDate: true },
  });
  const next =
    number === null
      ? null
      : await db.invoice.findFirst({
          where: { ...where, number: { gt: number } },
          orderBy: { number: "asc" },
          select: { number: true, issueDate: true },
        });
  return { previous, next };
}

export function addInvoiceEvent(
  db: DbOrTx,
  event: { invoiceId: string; practitionerId: string; actorId: string; action: string; changes?: unknown },
) {
  return db.invoiceEvent.create({
    data: { ...event, changes: event.changes === undefined ? null : JSON.stringify(event.changes) },
  });
}

/** The issuer of a document: the practitioner's profile (lib/data/profiles.ts). */
export function findIssuerProfile(db: DbOrTx, practitionerId: string) {
  return findProfile(db, practitionerId);
}

type DatesToReviewRow = {
  id: string;
  kind: string;
  status: string;
  number: number | null;
  year: number | null;
  issueDate: string;
  paymentDate: string | null;
  paidInAdvance: boolean;
};

/**
 * Whether the practitioner has issued a document (the home page's first-run checklist, on every visit): one index
 * entry at most, hand-written on the driver (lib/data/direct-sql.ts), where Prisma's query compiler cost more.
 */
export async function hasIssuedDocument(db: DbOrTx, practitionerId: string): Promise<boolean> {
  const rows = await queryRows<{ one: number }>(
    db,
    Prisma.sql`SELECT 1 AS "one" FROM "Invoice" WHERE "practitionerId" = ${practitionerId} AND "status" <> 'draft' LIMIT 1`,
  );
  return rows.length > 0;
}

/**
 * Whether the practitioner may still have documents saved before the date rules whose dates they refuse
 * (`Practitioner.datesToReview`, set by the migration that added it): asked on every render of the invoice list, so
 * that the search below runs only for them. Hand-written, on the driver (lib/data/direct-sql.ts).
 */
export async function mayHaveDatesToReview(db: DbOrTx, practitionerId: string): Promise<boolean> {
  const [row] = await queryRows<{ datesToReview: boolean | number }>(
    db,
    Prisma.sql`SELECT "datesToReview" FROM "Practitioner" WHERE "id" = ${practitionerId}`,
  );
  return Boolean(row?.datesToReview);
}

/** The practitioner's documents have no dates left to review: the list stops searching for them. */
export async function clearDatesToReview(db: DbOrTx, practitionerId: string): Promise<void> {
  await executeSql(
    db,
    Prisma.sql`UPDATE "Practitioner" SET "datesToReview" = FALSE WHERE "id" = ${practitionerId} AND "datesToReview" = TRUE`,
  );
}

/**
 * A practitioner's drafts and issued documents whose dates the current rules refuse (saved before the rules
 * existed): dated after `today`, paid after `today`, or an invoice paid before its date without the explicit
 * advance-payment choice. Voided documents are left out: their dates no longer matter. It reads the practitioner's
 * whole history (the conditions compare two columns of a row, which no index serves): asked only while
 * `mayHaveDatesToReview`. Hand-written, on the driver (lib/data/direct-sql.ts).
 */
export async function findDocumentsWithDatesToReview(
  db: DbOrTx,
  practitionerId: string,
  today: string,
  take: number,
): Promise<readonly [DatesToReviewRow[], number]> {
  const where = Prisma.sql`"practitionerId" = ${practitionerId} AND "status" IN ('draft', 'issued')
    AND ("issueDate" > ${today} OR ("kind" = 'invoice' AND "paymentDate" > ${today})
      OR ("kind" = 'invoice' AND "paidInAdvance" = FALSE AND "paymentDate" < "issueDate"))`;
  const rows = await queryRows<Omit<DatesToReviewRow, "paidInAdvance"> & { paidInAdvance: boolean | number }>(
    db,
    Prisma.sql`
      SELECT "id", "kind", "status", "number", "year", "issueDate", "paymentDate", "paidInAdvance" FROM "Invoice"
      WHERE ${where} ORDER BY "issueDate" DESC, "number" DESC LIMIT ${take}`,
  );
  const documents = rows.map((r) => ({ ...r, paidInAdvance: Boolean(r.paidInAdvance) }));
  // Nearly always fewer than `take` (usually none): then they are all, and the count needs no second statement.
  if (documents.length < take) return [documents, documents.length] as const;
  const [count] = await queryRows<{ count: number | bigint | string }>(
    db,
    Prisma.sql`SELECT CAST(COUNT(*) AS INTEGER) AS "count" FROM "Invoice" WHERE ${where}`,
  );
  return [documents, Number(count?.count ?? 0)] as const;
}

/** How many of the practitioner's invoices among `ids` are in each STS state (others' ids count for nothing). */
export async function countStsStatesOf(db: DbOrTx, practitionerId: string, ids: string[]) {
  if (ids.length === 0) return {};
  const groups = await db.invoice.groupBy({
    by: ["stsState"],
    where: { practitionerId, id: { in: ids } },
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((g) => [g.stsState, g._count._all])) as Record<string, number>;
}
