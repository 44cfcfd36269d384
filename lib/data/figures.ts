import type { DbOrTx } from "../db";

/**
 * The documents that moved cash in one year: issued invoices paid in it, and issued credit notes dated in it whose
 * invoice was paid. Both kinds carry their cash date in paymentDate (a credit note's is its issue date).
 */
export function findCashDocuments(db: DbOrTx, practitionerId: string, year: number) {
  return db.invoice.findMany({
    where: {
      practitionerId,
      status: "issued",
      paymentDate: { gte: `${year}-01-01`, lte: `${year}-12-31` },
      OR: [
        { kind: "invoice" },
        { kind: "credit_note", creditedInvoice: { practitionerId, status: "issued", paymentDate: { not: null } } },
      ],
    },
    orderBy: [{ paymentDate: "asc" }, { kind: "asc" }, { number: "asc" }],
    select: {
      kind: true,
      year: true,
      number: true,
      status: true,
      issueDate: true,
      paymentDate: true,
      subtotalCents: true,
      pensionFundCents: true,
      bolloCents: true,
      bolloChargedToPatient: true,
      bolloIdentifier: true,
      totalCents: true,
    },
  });
}
