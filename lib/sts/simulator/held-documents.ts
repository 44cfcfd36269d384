// What the simulator holds, seen the way the query services answer: per owner, amounts per expense type, refunds
// credited to the document they refund.
import type { SimulatorState, StoredDocument } from "./state";

export type TypeTotals = Map<string, number>;

/** Sum of the items per tipoSpesa, in the order the types first appear. */
export function totalsByType(stored: StoredDocument): TypeTotals {
  const totals: TypeTotals = new Map();
  for (const item of stored.document.items)
    totals.set(item.tipoSpesa, (totals.get(item.tipoSpesa) ?? 0) + item.amountCents);
  return totals;
}

/**
 * What the refunds of a document add up to, per tipoSpesa: its linked refunds that are held and not cancelled (a
 * refund varied since counts with its new amounts; one cancelled and sent again as a plain invoice does not).
 */
export function refundedTotalsOf(state: SimulatorState, stored: StoredDocument): TypeTotals {
  const totals: TypeTotals = new Map();
  for (const refundKey of stored.refunds ?? []) {
    const refund = state.documents[refundKey];
    if (!refund || refund.cancelled || !refund.document.refundOf) continue;
    for (const [tipo, cents] of totalsByType(refund)) totals.set(tipo, (totals.get(tipo) ?? 0) + cents);
  }
  return totals;
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
