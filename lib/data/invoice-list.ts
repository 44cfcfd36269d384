import type { DbOrTx } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { queryRows } from "./direct-sql";
import { parseInvoiceNumber } from "../domain/numbering";
import { INVOICE_KINDS, INVOICE_STATUSES, type InvoiceKind, type InvoiceStatus } from "../domain/invoice-kind";
import { STS_STATES, type StsState } from "../domain/sts/status";
import type { InvoiceFilters } from "../schemas/invoice-filters";
import { PATIENT_KINDS, type PatientKind } from "../schemas/patient";
import { oneOf } from "./narrow";

/** Default page size (the list also offers 50 and 100). */
export const PAGE_SIZE = 25;

/** One row of the invoice list (and of its CSV export). */
export type InvoiceListRow = {
  id: string;
  kind: InvoiceKind;
  status: InvoiceStatus;
  year: number | null;
  number: number | null;
  issueDate: string;
  paymentDate: string | null;
  paymentMethod: string | null;
  totalCents: number;
  subtotalCents: number;
  pensionFundCents: number;
  bolloCents: number;
  stsState: StsState;
  stsReason: string | null;
  patient: {
    id: string;
    kind: PatientKind;
    firstName: string | null;
    lastName: string | null;
    companyName: string | null;
    codiceFiscale: string | null;
  };
};

type SqlRow = Omit<InvoiceListRow, "kind" | "status" | "stsState" | "patient"> & {
  kind: string;
  status: string;
  stsState: string;
  pId: string;
  pKind: string;
  pFirstName: string | null;
  pLastName: string | null;
  pCompanyName: string | null;
  pCodiceFiscale: string | null;
};

// The list is on every practitioner's screen all day: its statements are hand-written and run on the driver
// (lib/data/direct-sql.ts), which costs a fraction of Prisma's query compiler per render (docs/BENCHMARKS.md).
// Every statement is scoped to one practitioner; search is on the lower-cased patient text or the document number.
function listConditions(practitionerId: string, filters: InvoiceFilters): Prisma.Sql {
  const conditions = [Prisma.sql`i."practitionerId" = ${practitionerId}`];
  // "Unpaid" means issued invoices without a payment date, whatever the kind and status filters say.
  const unpaid = filters.paid === "unpaid";
  const status = unpaid ? "issued" : filters.status;
  const kind = unpaid ? "invoice" : filters.kind;
  if (filters.year) conditions.push(Prisma.sql`i."year" = ${filters.year}`);
  if (status) conditions.push(Prisma.sql`i."status" = ${status}`);
  if (kind) conditions.push(Prisma.sql`i."kind" = ${kind}`);
  if (filters.sts) conditions.push(Prisma.sql`i."stsState" = ${filters.sts}`);
  if (filters.ids) {
    conditions.push(filters.ids.length ? Prisma.sql`i."id" IN (${Prisma.join(filters.ids)})` : Prisma.sql`1 = 0`);
  }
  if (filters.paid === "paid") conditions.push(Prisma.sql`i."paymentDate" IS NOT NULL`);
  if (unpaid) conditions.push(Prisma.sql`i."paymentDate" IS NULL`);
  if (filters.q) {
    const pattern = `%${filters.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const either = [
      Prisma.sql`EXISTS (SELECT 1 FROM "Patient" s WHERE s."id" = i."patientId" AND s."searchText" LIKE ${pattern} ESCAPE '\\')`,
    ];
    const number = parseInvoiceNumber(filters.q);
    if (number) {
      either.push(
        Prisma.sql`(i."number" = ${number.number} AND i."year" = ${number.year} AND i."kind" = ${number.series})`,
      );
    } else if (/^\d{1,6}$/.test(filters.q)) {
      either.push(Prisma.sql`i."number" = ${Number(filters.q)}`);
    }
    conditions.push(Prisma.sql`(${Prisma.join(either, " OR ")})`);
  }
  return Prisma.join(conditions, " AND ");
}

function orderBy(filters: InvoiceFilters): Prisma.Sql {
  const dir = Prisma.raw(filters.dir === "asc" ? "ASC" : "DESC");
  // The id last: rows that tie on every shown column keep one order from page to page.
  switch (filters.sort) {
    case "number":
      return Prisma.sql`i."year" ${dir}, i."number" ${dir}, i."id" ${dir}`;
    case "total":
      return Prisma.sql`i."totalCents" ${dir}, i."issueDate" DESC, i."id" DESC`;
    case "patient":
      return Prisma.sql`p."lastName" ${dir}, p."companyName" ${dir}, i."issueDate" DESC, i."id" DESC`;
    case "date":
      return Prisma.sql`i."issueDate" ${dir}, i."number" ${dir}, i."createdAt" ${dir}, i."id" ${dir}`;
  }
}

// The page's rows are chosen on "Invoice" alone (in the order of its (practitionerId, issueDate) index for the default
// sort, stopping at the page's end), then joined to their patients: joined first, SQLite sorted the whole
// practitioner's history with their patients for every page. Sorting by patient needs the patient to choose.
// `where` is `listConditions` of the same filters, built once by the caller.
function selectRows(where: Prisma.Sql, filters: InvoiceFilters, limit: number, offset: number): Prisma.Sql {
  const order = orderBy(filters);
  const patientToChoose =
    filters.sort === "patient" ? Prisma.sql`JOIN "Patient" p ON p."id" = i."patientId"` : Prisma.empty;
  return Prisma.sql`
    SELECT i."id", i."kind", i."status", i."year", i."number", i."issueDate", i."paymentDate", i."paymentMethod",
      i."totalCents", i."subtotalCents", i."pensionFundCents", i."bolloCents", i."stsState", i."stsReason",
      p."id" AS "pId", p."kind" AS "pKind", p."firstName" AS "pFirstName", p."lastName" AS "pLastName",
      p."companyName" AS "pCompanyName", p."codiceFiscale" AS "pCodiceFiscale"
    FROM (
      SELECT i.* FROM "Invoice" i ${patientToChoose}
      WHERE ${where}
      ORDER BY ${order}
      LIMIT ${limit} OFFSET ${offset}
    ) i JOIN "Patient" p ON p."id" = i."patientId"
    ORDER BY ${order}`;
}

const listRow = (r: SqlRow): InvoiceListRow => ({
  id: r.id,
  kind: oneOf(INVOICE_KINDS, r.kind, "Invoice.kind"),
  status: oneOf(INVOICE_STATUSES, r.status, "Invoice.status"),
  year: r.year === null ? null : Number(r.year),
  number: r.number === null ? null : Number(r.number),
  issueDate: r.issueDate,
  paymentDate: r.paymentDate,
  paymentMethod: r.paymentMethod,
  totalCents: Number(r.totalCents),
  subtotalCents: Number(r.subtotalCents),
  pensionFundCents: Number(r.pensionFundCents),
  bolloCents: Number(r.bolloCents),
  stsState: oneOf(STS_STATES, r.stsState, "Invoice.stsState"),
  stsReason: r.stsReason,
  patient: {
    id: r.pId,
    kind: oneOf(PATIENT_KINDS, r.pKind, "Patient.kind"),
    firstName: r.pFirstName,
    lastName: r.pLastName,
    companyName: r.pCompanyName,
    codiceFiscale: r.pCodiceFiscale,
  },
});

export async function findInvoicePage(db: DbOrTx, practitionerId: string, filters: InvoiceFilters) {
  const where = listConditions(practitionerId, filters);
  const [rows, [count]] = await Promise.all([
    queryRows<SqlRow>(db, selectRows(where, filters, filters.size, (filters.page - 1) * filters.size)),
    queryRows<{ count: number | bigint | string }>(
      db,
      Prisma.sql`SELECT CAST(COUNT(*) AS INTEGER) AS "count" FROM "Invoice" i WHERE ${where}`,
    ),
  ]);
  const total = Number(count?.count ?? 0);
  return {
    rows: rows.map(listRow),
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / filters.size)),
  };
}

/** Every row the filters select, in the list's order, read a thousand at a time (the CSV export). */
export async function* findAllInvoices(db: DbOrTx, practitionerId: string, filters: InvoiceFilters) {
  const where = listConditions(practitionerId, filters);
  for (let offset = 0; ; offset += 1000) {
    const rows = await queryRows<SqlRow>(db, selectRows(where, filters, 1000, offset));
    yield* rows.map(listRow);
    if (rows.length < 1000) return;
  }
}

/**
 * The statement of invoiceYears (exported for the test of what it reads): one descent of an index per year, from the
 * latest down (a loose index scan). PostgreSQL has no skip scan and answered `SELECT DISTINCT "year"` by reading
 * every document of the practitioner's history (0.36 against 0.09 ms per render among 5,000 documents, growing with
 * the history); SQLite skip-scans either way.
 */
export function invoiceYearsStatement(practitionerId: string): Prisma.Sql {
  return Prisma.sql`
    WITH RECURSIVE y("year") AS (
      SELECT MAX("year") FROM "Invoice" WHERE "practitionerId" = ${practitionerId}
      UNION ALL
      SELECT (SELECT MAX("year") FROM "Invoice" WHERE "practitionerId" = ${practitionerId} AND "year" < y."year")
      FROM y WHERE y."year" IS NOT NULL
    )
    SELECT "year" FROM y WHERE "year" IS NOT NULL`;
}

// The list's year filter, on every render of the list: hand-written, on the driver (lib/data/direct-sql.ts).
export async function invoiceYears(db: DbOrTx, practitionerId: string): Promise<number[]> {
  const rows = await queryRows<{ year: number | bigint }>(db, invoiceYearsStatement(practitionerId));
  return rows.map((r) => Number(r.year)).sort((a, b) => b - a);
}
