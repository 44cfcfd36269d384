import type { DbOrTx } from "../../db";
import { sumIssuedByMonth, sumUnpaidAndCountDrafts } from "../../data/dashboard-months";

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
  const [sums, open] = await Promise.all([
    sumIssuedByMonth(db, practitionerId, year),
    sumUnpaidAndCountDrafts(db, practitionerId),
  ]);
  const months = Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    invoicedCents: sums.invoiced.get(i + 1) ?? 0,
    collectedCents: sums.collected.get(i + 1) ?? 0,
  }));
  return {
    year,
    invoicedCents: months.reduce((s, m) => s + m.invoicedCents, 0),
    collectedCents: months.reduce((s, m) => s + m.collectedCents, 0),
    ...open,
    months,
  };
}
