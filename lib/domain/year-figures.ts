// The year's figures on a cash basis (regime forfettario: compensi incassati). Pure: documents and settings come in.
// What counts is the payment date: an invoice issued in December and paid in January belongs to January's year.
// A credit note refunds on its own date, and only when the invoice it refunds was paid (crediting an unpaid invoice
// cancels a debt: nothing was cashed, nothing is given back). Drafts and voided documents never count.

export type FiguresDocument = {
  kind: "invoice" | "credit_note";
  /** Cash date: the payment date of an invoice, the date of a credit note. */
  cashDate: string;
  subtotalCents: number;
  pensionFundCents: number;
  /** The stamp duty recharged to the patient (0 when the practitioner bears it). */
  bolloChargedCents: number;
  bolloIdentifier: string | null;
  totalCents: number;
  documentNumber: string;
};

/** What counts toward the forfettario limits: the fees always; the ENPAP contribution and bolli on request. */
export type LimitBasis = { pension: boolean; bolli: boolean };

export type LimitSettings = { basis: LimitBasis; lowerCents: number; upperCents: number };

export const DEFAULT_LIMITS: LimitSettings = {
  basis: { pension: false, bolli: false },
  lowerCents: 8_500_000,
  upperCents: 10_000_000,
};

/** Warn from this share of a limit on (90 %). */
export const NEAR_LIMIT_SHARE = 0.9;

export type Amounts = {
  count: number;
  feesCents: number;
  pensionCents: number;
  bolloCents: number;
  totalCents: number;
};

export type LimitProgress = { limitCents: number; share: number; state: "below" | "near" | "over" };

export type YearFigures = {
  year: number;
  invoices: Amounts;
  creditNotes: Amounts;
  /** Invoices minus credit notes. */
  net: Amounts;
  bolli: { count: number; amountCents: number; identifiers: string[] };
  months: { month: number; feesCents: number; totalCents: number }[];
  limits: { basis: LimitBasis; countedCents: number; lower: LimitProgress; upper: LimitProgress };
};

const zero = (): Amounts => ({ count: 0, feesCents: 0, pensionCents: 0, bolloCents: 0, totalCents: 0 });

function add(target: Amounts, doc: FiguresDocument) {
  target.count += 1;
  target.feesCents += doc.subtotalCents;
  target.pensionCents += doc.pensionFundCents;
  target.bolloCents += doc.bolloChargedCents;
  target.totalCents += doc.totalCents;
}

export function countedTowardLimits(net: Amounts, basis: LimitBasis): number {
  return net.feesCents + (basis.pension ? net.pensionCents : 0) + (basis.bolli ? net.bolloCents : 0);
}

function progress(counted: number, limitCents: number): LimitProgress {
  const share = limitCents > 0 ? counted / limitCents : 0;
  return { limitCents, share, state: share > 1 ? "over" : share >= NEAR_LIMIT_SHARE ? "near" : "below" };
}

export function computeYearFigures(year: number, documents: FiguresDocument[], limits: LimitSettings): YearFigures {
  const invoices = zero();
  const creditNotes = zero();
  const identifiers: string[] = [];
  let bolloCount = 0;
  const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, feesCents: 0, totalCents: 0 }));
  for (const doc of documents) {
    if (Number(doc.cashDate.slice(0, 4)) !== year) continue;
    const sign = doc.kind === "credit_note" ? -1 : 1;
    add(doc.kind === "credit_note" ? creditNotes : invoices, doc);
    const month = months[Number(doc.cashDate.slice(5, 7)) - 1];
    month.feesCents += sign * doc.subtotalCents;
    month.totalCents += sign * doc.totalCents;
    if (doc.kind === "invoice" && doc.bolloChargedCents > 0) {
      bolloCount += 1;
      if (doc.bolloIdentifier) identifiers.push(doc.bolloIdentifier);
    }
  }
  const net: Amounts = {
    count: invoices.count - creditNotes.count,
    feesCents: invoices.feesCents - creditNotes.feesCents,
    pensionCents: invoices.pensionCents - creditNotes.pensionCents,
    bolloCents: invoices.bolloCents - creditNotes.bolloCents,
    totalCents: invoices.totalCents - creditNotes.totalCents,
  };
  const countedCents = countedTowardLimits(net, limits.basis);
  return {
    year,
    invoices,
    creditNotes,
    net,
    bolli: { count: bolloCount, amountCents: invoices.bolloCents, identifiers },
    months,
    limits: {
      basis: limits.basis,
      countedCents,
      lower: progress(countedCents, limits.lowerCents),
      upper: progress(countedCents, limits.upperCents),
    },
  };
}

export function parseLimitBasis(stored: string | null | undefined): LimitBasis {
  const parts = (stored ?? "fees").split(",");
  return { pension: parts.includes("pension"), bolli: parts.includes("bolli") };
}

export function formatLimitBasis(basis: LimitBasis): string {
  return ["fees", basis.pension ? "pension" : null, basis.bolli ? "bolli" : null].filter(Boolean).join(",");
}
