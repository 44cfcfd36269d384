import type { DbOrTx } from "../../db";

export type DashboardFigures = {
  year: number;
  invoicedCents: number;
  collectedCents: number;
  unpaidCents: number;
  unpaidCount: number;
  draftCount: number;
  months: { month: number; invoicedCents: number; collectedCents: number }[];
};

// This year's figures: invoiced = issued invoices minus credit notes by issue date; collected = paid invoices minus
// the money given back with credit notes, by payment date (a credit note's is its issue date); unpaid = issued,
// unpaid invoices of any year.
export async function getDashboard(options: {
  db: DbOrTx;
  practitionerId: string;
  year: number;
}): Promise<DashboardFigures> {
  const { db, practitionerId, year } = options;
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const [issued, paid, unpaid, draftCount] = await Promise.all([
    db.invoice.findMany({
      where: { practitionerId, status: "issued", issueDate: { gte: yearStart, lte: yearEnd } },
      select: { kind: true, issueDate: true, totalCents: true },
    }),
    db.invoice.findMany({
      where: { practitionerId, status: "issued", paymentDate: { gte: yearStart, lte: yearEnd } },
      select: { kind: true, paymentDate: true, totalCents: true },
    }),
    db.invoice.aggregate({
      where: { practitionerId, status: "issued", kind: "invoice", paymentDate: null },
      _sum: { totalCents: true },
      _count: true,
    }),
    db.invoice.count({ where: { practitionerId, status: "draft" } }),
  ]);
  const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, invoicedCents: 0, collectedCents: 0 }));
  for (const invoice of issued) {
    const sign = invoice.kind === "credit_note" ? -1 : 1;
    months[Number(invoice.issueDate.slice(5, 7)) - 1]!.invoicedCents += sign * invoice.totalCents;
  }
  for (const invoice of paid) {
    const sign = invoice.kind === "credit_note" ? -1 : 1;
    months[Number(invoice.paymentDate!.slice(5, 7)) - 1]!.collectedCents += sign * invoice.totalCents;
  }
  return {
    year,
    invoicedCents: months.reduce((s, m) => s + m.invoicedCents, 0),
    collectedCents: months.reduce((s, m) => s + m.collectedCents, 0),
    unpaidCents: unpaid._sum.totalCents ?? 0,
    unpaidCount: unpaid._count,
    draftCount,
    months,
  };
}
