import { percentOfCents } from "./money";
import { fail, ok, type Result } from "./result";
import type { StsExpenseType } from "./sts-expense-type";

export type BolloPolicy = "patient" | "practitioner";

export type InvoiceLineInput = {
  quantity: number;
  unitPriceCents: number;
  /** Whether the pension fund contribution (e.g. ENPAP 2%) is added on this line's fee. */
  pensionFund: boolean;
  expenseType: StsExpenseType;
};

export type InvoiceTotalsInput = {
  lines: InvoiceLineInput[];
  /** 200 = 2% (ENPAP); 0 for professions without a contribution charged to the patient. */
  pensionFundRateBp: number;
  bolloPolicy: BolloPolicy;
  bolloThresholdCents?: number;
  bolloCents?: number;
};

export type InvoiceLineTotals = { feeCents: number; pensionFundCents: number; totalCents: number };
export type StsItem = { expenseType: StsExpenseType; amountCents: number };

export type InvoiceTotals = {
  lines: InvoiceLineTotals[];
  subtotalCents: number;
  pensionFundCents: number;
  /** Fees plus contribution: the whole invoice is outside VAT (N4 or N2.2), so all of it counts for the bollo. */
  exemptAmountCents: number;
  bolloApplied: boolean;
  /** The stamp on the document (0 when not due), whoever pays it. */
  bolloCents: number;
  bolloChargedToPatientCents: number;
  totalDueCents: number;
  stsItems: StsItem[];
};

export const BOLLO_THRESHOLD_CENTS = 7747;
export const BOLLO_CENTS = 200;
const MAX_UNIT_PRICE_CENTS = 10_000_000;

/**
 * Rounding: the contribution is computed once on the sum of the fees it applies to, then split across those
 * lines by largest remainder, so that the document total equals "subtotal × rate" (what the practitioner and the
 * pension fund compute) and the per-line shares still add up to it exactly.
 *
 * Bollo on STS: when the patient pays it, the bollo is part of the deductible expense (docs/STS-PROTOCOL.md §9); STS
 * has no code for it, so it is added to the item of the expense type with the largest amount (the first such type on a
 * tie). When the practitioner absorbs it, the patient did not pay it and it is not sent.
 */
export function computeInvoiceTotals(input: InvoiceTotalsInput): Result<InvoiceTotals> {
  const { lines, pensionFundRateBp, bolloPolicy } = input;
  const bolloThresholdCents = input.bolloThresholdCents ?? BOLLO_THRESHOLD_CENTS;
  const bolloStampCents = input.bolloCents ?? BOLLO_CENTS;
  const invalid = validateInput(input);
  if (invalid) return fail(invalid);

  const fees = lines.map((line) => line.quantity * line.unitPriceCents);
  const subtotalCents = sum(fees);
  const contributionBase = sum(fees.filter((_, i) => lines[i].pensionFund));
  const pensionFundCents = percentOfCents(contributionBase, pensionFundRateBp);
  const shares = allocate(
    pensionFundCents,
    fees.map((fee, i) => (lines[i].pensionFund ? fee : 0)),
  );

  const lineTotals = fees.map((feeCents, i) => ({
    feeCents,
    pensionFundCents: shares[i],
    totalCents: feeCents + shares[i],
  }));
  const exemptAmountCents = subtotalCents + pensionFundCents;
  // "exceeds €77.47": exactly 77.47 needs no stamp.
  const bolloApplied = exemptAmountCents > bolloThresholdCents;
  const bolloCents = bolloApplied ? bolloStampCents : 0;
  const bolloChargedToPatientCents = bolloApplied && bolloPolicy === "patient" ? bolloStampCents : 0;

  return ok({
    lines: lineTotals,
    subtotalCents,
    pensionFundCents,
    exemptAmountCents,
    bolloApplied,
    bolloCents,
    bolloChargedToPatientCents,
    totalDueCents: exemptAmountCents + bolloChargedToPatientCents,
    stsItems: buildStsItems(lines, lineTotals, bolloChargedToPatientCents),
  });
}

function buildStsItems(lines: InvoiceLineInput[], totals: InvoiceLineTotals[], bolloToPatientCents: number): StsItem[] {
  const items: StsItem[] = [];
  lines.forEach((line, i) => {
    const item = items.find((candidate) => candidate.expenseType === line.expenseType);
    if (item) item.amountCents += totals[i].totalCents;
    else items.push({ expenseType: line.expenseType, amountCents: totals[i].totalCents });
  });
  if (bolloToPatientCents > 0) {
    const largest = items.reduce((best, item) => (item.amountCents > best.amountCents ? item : best));
    largest.amountCents += bolloToPatientCents;
  }
  return items;
}

/** Splits `total` proportionally to `weights`; remainders go to the largest fractional parts, earlier lines first. */
function allocate(total: number, weights: number[]): number[] {
  const weightSum = BigInt(sum(weights));
  if (weightSum === 0n) return weights.map(() => 0);
  // BigInt: total × weight can exceed 2^53 for large invoices even though both factors are safe integers.
  const exact = weights.map((weight) => {
    const product = BigInt(total) * BigInt(weight);
    return { floor: Number(product / weightSum), rest: product % weightSum };
  });
  let left = total - sum(exact.map((part) => part.floor));
  const order = exact
    .map((_, i) => i)
    .sort((a, b) => (exact[b].rest > exact[a].rest ? 1 : exact[b].rest < exact[a].rest ? -1 : a - b));
  const shares = exact.map((part) => part.floor);
  for (const i of order) {
    if (left === 0) break;
    shares[i] += 1;
    left -= 1;
  }
  return shares;
}

function validateInput(input: InvoiceTotalsInput): string | null {
  if (input.lines.length === 0) return "La fattura deve avere almeno una riga";
  for (const [i, line] of input.lines.entries()) {
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > 999) {
      return `Riga ${i + 1}: la quantità deve essere un numero intero da 1 a 999`;
    }
    if (
      !Number.isInteger(line.unitPriceCents) ||
      line.unitPriceCents < 1 ||
      line.unitPriceCents > MAX_UNIT_PRICE_CENTS
    ) {
      return `Riga ${i + 1}: il prezzo deve essere compreso tra 0,01 € e 100.000,00 €`;
    }
  }
  if (!Number.isInteger(input.pensionFundRateBp) || input.pensionFundRateBp < 0 || input.pensionFundRateBp > 10_000) {
    return "La percentuale del contributo previdenziale deve essere tra 0% e 100%";
  }
  for (const value of [input.bolloCents, input.bolloThresholdCents]) {
    if (value !== undefined && (!Number.isInteger(value) || value < 0))
      return "Importo dell'imposta di bollo non valido";
  }
  return null;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
