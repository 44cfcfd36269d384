import type { DbOrTx, Tx } from "../db";

export const invoiceWithDetails = {
  lines: { orderBy: { position: "asc" } },
  patient: true,
  creditedInvoice: { select: { id: true, kind: true, number: true, year: true, issueDate: true, status: true } },
  creditNotes: {
    select: { id: true, kind: true, number: true, year: true, issueDate: true, status: true, totalCents: true },
    orderBy: { issueDate: "asc" },
  },
} as const;

export function findInvoice(db: DbOrTx, practitionerId: string, id: string) {
  return db.invoice.findFirst({ where: { id, practitionerId }, include: invoiceWithDetails });
}

export type InvoiceWithDetails = NonNullable<Awaited<ReturnType<typeof findInvoice>>>;

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
  const where = { practitionerId, kind, year, number: { not: null } };
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

export function findIssuerProfile(db: DbOrTx, practitionerId: string) {
  return db.profile.findUnique({ where: { practitionerId } });
}
