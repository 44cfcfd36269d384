// What the simulator holds, seen the way the query services answer: per owner, amounts per expense type, refunds
// credited to the document they refund.
import { documentKey } from "../types";
import type { SimulatorState, StoredDocument } from "./state";

export type TypeTotals = Map<string, number>;

/** Sum of the items per tipoSpesa, in the order the types first appear. */
export function totalsByType(stored: StoredDocument): TypeTotals {
  const totals: TypeTotals = new Map();
  for (const item of stored.document.items)
    totals.set(item.tipoSpesa, (totals.get(item.tipoSpesa) ?? 0) + item.amountCents);
  return totals;
}

/** For every document key: what the held (not cancelled) refunds of that document add up to, per tipoSpesa. */
export function refundedTotals(state: SimulatorState): Map<string, TypeTotals> {
  const refunds = new Map<string, TypeTotals>();
  for (const stored of Object.values(state.documents)) {
    const original = stored.document.refundOf;
    if (stored.cancelled || stored.document.operation !== "R" || !original) continue;
    const key = documentKey(original);
    const totals = refunds.get(key) ?? new Map<string, number>();
    for (const [tipo, cents] of totalsByType(stored)) totals.set(tipo, (totals.get(tipo) ?? 0) + cents);
    refunds.set(key, totals);
  }
  return refunds;
}

/** The document with this key when the owner holds it (cancelled ones included), else undefined. */
export function heldBy(state: SimulatorState, owner: string, key: string): StoredDocument | undefined {
  const stored = state.documents[key];
  return stored && stored.owner === owner ? stored : undefined;
}

/** The owner's documents that are not cancelled, sorted by issue date and number (a stable report order). */
export function activeDocumentsOf(state: SimulatorState, owner: string): Array<[string, StoredDocument]> {
  return Object.entries(state.documents)
    .filter(([, stored]) => stored.owner === owner && !stored.cancelled)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
