type Comparable = {
  patientId: string;
  issueDate: string;
  paymentDate: string | null;
  paymentMethod: string | null;
  paidInAdvance: boolean;
  opposition: boolean;
  totalCents: number;
  bolloIdentifier: string | null;
  notes: string | null;
  lines: { description: string; quantity: number; unitPriceCents: number; expenseType: string; pensionFund: boolean }[];
};

const linesSummary = (lines: Comparable["lines"]) =>
  lines.map(
    (l) =>
      `${l.quantity}× ${l.description.slice(0, 60)} ${l.unitPriceCents} ${l.expenseType}${l.pensionFund ? "" : " no-cassa"}`,
  );

// { field: [before, after] } for every field that changed: the audit trail of an issued document.
export function diffInvoice(before: Comparable, after: Comparable): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of [
    "patientId",
    "issueDate",
    "paymentDate",
    "paymentMethod",
    "paidInAdvance",
    "opposition",
    "totalCents",
    "bolloIdentifier",
    "notes",
  ] as const) {
    if (before[key] !== after[key]) changes[key] = [before[key], after[key]];
  }
  const beforeLines = linesSummary(before.lines);
  const afterLines = linesSummary(after.lines);
  if (JSON.stringify(beforeLines) !== JSON.stringify(afterLines)) changes.lines = [beforeLines, afterLines];
  return changes;
}

// Changes to what STS holds for the document (patient, dates, amounts, payment, opposition) need a variazione.
const STS_RELEVANT = new Set([
  "patientId",
  "issueDate",
  "paymentDate",
  "paymentMethod",
  "paidInAdvance",
  "opposition",
  "totalCents",
  "lines",
]);
export function touchesSts(changes: Record<string, unknown>): boolean {
  return Object.keys(changes).some((key) => STS_RELEVANT.has(key));
}
