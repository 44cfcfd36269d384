import type { DbOrTx } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { queryRows } from "./direct-sql";
import { parseInvoiceNumber } from "../domain/numbering";
import { STS_STATES } from "../domain/sts/status";
import type { InvoiceFilters } from "../schemas/invoice-filters";
import { invoiceKindAndStatus, oneOf } from "./narrow";

/** Default page size (the list also offers 50 and 100). */
export const PAGE_SIZE = 25;

// Every list query is scoped to one practitioner; search is on lower-cased patient text or the document number.
export function invoiceListWhere(practitionerId: string, filters: InvoiceFilters): Prisma.InvoiceWhereInput {
  const where: Prisma.InvoiceWhereInput = { practitionerId };
  if (filters.year) where.year = filters.year;
  if (filters.status) where.status = filters.status;
  if (filters.kind) where.kind = filters.kind;
  if (filters.sts) where.stsState = filters.sts;
  if (filters.ids) where.id = { in: filters.ids };
  if (filters.paid === "paid") where.paymentDate = { not: null };
  if (filters.paid === "unpaid") Object.assign(where, { paymentDate: null, kind: "invoice", status: "issued" });
  if (filters.q) {
    const q = filters.q.toLowerCase();
    const number = parseInvoiceNumber(filters.q);
    const or: Prisma.InvoiceWhereInput[] = [{ patient: { searchText: { contains: q } } }];
    if (number) or.push({ number: number.number, year: number.year, kind: number.series });
    else if (/^\d{1,6}$/.test(filters.q)) or.push({ number: Number(filters.q) });
    where.OR = or;
  }
  return where;
}

function orderBy(filters: InvoiceFilters): Prisma.InvoiceOrderByWithRelationInput[] {
  const dir = filters.dir;
  switch (filters.sort) {
    case "number":
      return [{ year: dir }, { number: dir }];
    case "total":
      return [{ totalCents: dir }, { issueDate: "desc" }];
    case "patient":
      return [{ patient: { lastName: dir } }, { patient: { companyName: dir } }, { issueDate: "desc" }];
    case "date":
      return [{ issueDate: dir }, { number: dir }, { createdAt: dir }];
  }
}

export const invoiceListSelect = {
  id: true,
  kind: true,
  status: true,
  year: true,
  number: true,
  issueDate: true,
  paymentDate: true,
  paymentMethod: true,
  totalCents: true,
  subtotalCents: true,
  pensionFundCents: true,
  bolloCents: true,
  stsState: true,
  stsReason: true,
  patient: {
    select: { id: true, kind: true, firstName: true, lastName: true, companyName: true, codiceFiscale: true },
  },
} as const;

type SelectedRow = Prisma.InvoiceGetPayload<{ select: typeof invoiceListSelect }>;

const listRow = (row: SelectedRow) => ({
  ...invoiceKindAndStatus(row),
  stsState: oneOf(STS_STATES, row.stsState, "Invoice.stsState"),
});

export async function findInvoicePage(db: DbOrTx, practitionerId: string, filters: InvoiceFilters) {
  const where = invoiceListWhere(practitionerId, filters);
  const [rows, total] = await Promise.all([
    db.invoice.findMany({
      where,
      orderBy: orderBy(filters),
      skip: (filters.page - 1) * filters.size,
      take: filters.size,
      select: invoiceListSelect,
    }),
    db.invoice.count({ where }),
  ]);
  return {
    rows: rows.map(listRow),
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / filters.size)),
  };
}

export type InvoiceListRow = Awaited<ReturnType<typeof findInvoicePage>>["rows"][number];

export async function* findAllInvoices(db: DbOrTx, practitionerId: string, filters: InvoiceFilters) {
  const where = invoiceListWhere(practitionerId, filters);
  for (let skip = 0; ; skip += 1000) {
    const rows = await db.invoice.findMany({
      where,
      orderBy: orderBy(filters),
      skip,
      take: 1000,
      select: invoiceListSelect,
    });
    yield* rows.map(listRow);
    if (rows.length < 1000) return;
  }
}

// The list's year filter, on every render of the list: hand-written, on the driver (lib/data/direct-sql.ts).
export async function invoiceYears(db: DbOrTx, practitionerId: string): Promise<number[]> {
  const rows = await queryRows<{ year: number | bigint }>(
    db,
    Prisma.sql`SELECT DISTINCT "year" FROM "Invoice" WHERE "practitionerId" = ${practitionerId} AND "year" IS NOT NULL`,
  );
  return rows.map((r) => Number(r.year)).sort((a, b) => b - a);
}
