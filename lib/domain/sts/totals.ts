/** An amount per STS expense type (tipoSpesa), in integer cents. */
export type ExpenseTotal = { tipoSpesa: string; amountCents: number };

/** The items' amounts summed per expense type, zero totals left out, sorted by type: a form two sides compare. */
export function totalsByType(items: readonly ExpenseTotal[]): ExpenseTotal[] {
  const sums = new Map<string, number>();
  for (const item of items) sums.set(item.tipoSpesa, (sums.get(item.tipoSpesa) ?? 0) + item.amountCents);
  return [...sums]
    .filter(([, amountCents]) => amountCents !== 0)
    .map(([tipoSpesa, amountCents]) => ({ tipoSpesa, amountCents }))
    .sort((a, b) => a.tipoSpesa.localeCompare(b.tipoSpesa));
}

/** Whether two lists of amounts say the same per expense type (in any order, split over any number of items). */
export function sameTotals(a: readonly ExpenseTotal[], b: readonly ExpenseTotal[]): boolean {
  const left = totalsByType(a);
  const right = totalsByType(b);
  return (
    left.length === right.length &&
    left.every((t, i) => t.tipoSpesa === right[i]!.tipoSpesa && t.amountCents === right[i]!.amountCents)
  );
}

/** The sum of every amount. */
export function grandTotal(items: readonly ExpenseTotal[]): number {
  return items.reduce((sum, item) => sum + item.amountCents, 0);
}
