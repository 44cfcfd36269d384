import { AppError } from "../../app-error";
import { computeInvoiceTotals, type BolloPolicy, type InvoiceTotals } from "../../domain/invoice-totals";
import type { StsExpenseType } from "../../domain/sts-expense-type";
import type { TaxRegime } from "../../domain/tax-regime";

export type PricingSettings = {
  pensionFundRateBp: number;
  pensionFundLabel: string;
  bolloPolicy: BolloPolicy;
  taxRegime: TaxRegime;
};

export const DEFAULT_PRICING: PricingSettings = {
  pensionFundRateBp: 200,
  pensionFundLabel: "ENPAP",
  bolloPolicy: "patient",
  taxRegime: "ordinario",
};

export type PricedLineInput = {
  description: string;
  quantity: number;
  unitPriceCents: number;
  expenseType: StsExpenseType;
  pensionFund: boolean;
};

// Lines and totals as stored on the invoice, computed by the pure domain function.
export function priceInvoice(lines: PricedLineInput[], settings: PricingSettings) {
  const totals = computeInvoiceTotals({
    lines,
    pensionFundRateBp: settings.pensionFundRateBp,
    bolloPolicy: settings.bolloPolicy,
  });
  if (!totals.ok) throw new AppError("validation", totals.message, { lines: [totals.message] });
  return { lineRows: toLineRows(lines, totals.value), totals: toTotalColumns(totals.value, settings) };
}

function toLineRows(lines: PricedLineInput[], totals: InvoiceTotals) {
  return lines.map((line, position) => ({
    position,
    description: line.description,
    quantity: line.quantity,
    unitPriceCents: line.unitPriceCents,
    amountCents: totals.lines[position]!.feeCents,
    pensionFund: line.pensionFund,
    pensionFundCents: totals.lines[position]!.pensionFundCents,
    expenseType: line.expenseType,
  }));
}

function toTotalColumns(totals: InvoiceTotals, settings: PricingSettings) {
  return {
    subtotalCents: totals.subtotalCents,
    pensionFundCents: totals.pensionFundCents,
    bolloCents: totals.bolloCents,
    bolloChargedToPatient: totals.bolloChargedToPatientCents > 0,
    totalCents: totals.totalDueCents,
    pensionFundRateBp: settings.pensionFundRateBp,
    pensionFundLabel: settings.pensionFundLabel,
    bolloPolicy: settings.bolloPolicy,
    taxRegime: settings.taxRegime,
  };
}

export function pricingFromProfile(
  profile: { pensionFundRateBp: number; pensionFundLabel: string; bolloPolicy: string; taxRegime: string } | null,
): PricingSettings {
  if (!profile) return DEFAULT_PRICING;
  return {
    pensionFundRateBp: profile.pensionFundRateBp,
    pensionFundLabel: profile.pensionFundLabel,
    bolloPolicy: profile.bolloPolicy === "practitioner" ? "practitioner" : "patient",
    taxRegime: profile.taxRegime === "forfettario" ? "forfettario" : "ordinario",
  };
}
