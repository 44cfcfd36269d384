import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeInvoiceTotals, type InvoiceLineInput, type InvoiceTotalsInput } from "./invoice-totals";
import { STS_EXPENSE_TYPES, type StsExpenseType } from "./sts-expense-type";

const line = (unitPriceCents: number, extra: Partial<InvoiceLineInput> = {}): InvoiceLineInput => ({
  quantity: 1,
  unitPriceCents,
  pensionFund: true,
  expenseType: "SP",
  ...extra,
});

const totals = (input: Partial<InvoiceTotalsInput> & Pick<InvoiceTotalsInput, "lines">) => {
  const result = computeInvoiceTotals({ pensionFundRateBp: 200, bolloPolicy: "patient", ...input });
  if (!result.ok) throw new Error(result.message);
  return result.value;
};

type Case = [
  name: string,
  input: Partial<InvoiceTotalsInput> & Pick<InvoiceTotalsInput, "lines">,
  pensionFund: number,
  exempt: number,
  bollo: number,
  bolloToPatient: number,
  totalDue: number,
  stsItems: [StsExpenseType, number][],
];

describe("computeInvoiceTotals", () => {
  it.each<Case>([
    // name, input, pension fund, exempt, bollo on document, bollo to patient, total due, STS items
    ["70.00 + ENPAP 2%", { lines: [line(7000)] }, 140, 7140, 0, 0, 7140, [["SP", 7140]]],
    ["80.00, patient pays bollo", { lines: [line(8000)] }, 160, 8160, 200, 200, 8360, [["SP", 8360]]],
    [
      "80.00, practitioner absorbs bollo",
      { lines: [line(8000)], bolloPolicy: "practitioner" },
      160,
      8160,
      200,
      0,
      8160,
      [["SP", 8160]],
    ],
    [
      "exactly 77.47, rate 0: no bollo",
      { lines: [line(7747)], pensionFundRateBp: 0 },
      0,
      7747,
      0,
      0,
      7747,
      [["SP", 7747]],
    ],
    ["77.48, rate 0: bollo", { lines: [line(7748)], pensionFundRateBp: 0 }, 0, 7748, 200, 200, 7948, [["SP", 7948]]],
    ["75.95 + 2% = 77.47 (151.9 → 152): no bollo", { lines: [line(7595)] }, 152, 7747, 0, 0, 7747, [["SP", 7747]]],
    ["75.96 + 2% = 77.48: bollo", { lines: [line(7596)] }, 152, 7748, 200, 200, 7948, [["SP", 7948]]],
    ["rate 0", { lines: [line(7000)], pensionFundRateBp: 0 }, 0, 7000, 0, 0, 7000, [["SP", 7000]]],
    [
      "3 × 70.00 + 50.00",
      { lines: [line(7000, { quantity: 3 }), line(5000)] },
      520,
      26520,
      200,
      200,
      26720,
      [["SP", 26720]],
    ],
    [
      "contribution off on the second line",
      { lines: [line(7000), line(3000, { pensionFund: false, expenseType: "AA" })] },
      140,
      10140,
      200,
      200,
      10340,
      [
        ["SP", 7340],
        ["AA", 3000],
      ],
    ],
    [
      "bollo follows the largest type",
      { lines: [line(5000), line(10000, { pensionFund: false, expenseType: "AA" })] },
      100,
      15100,
      200,
      200,
      15300,
      [
        ["SP", 5100],
        ["AA", 10200],
      ],
    ],
    [
      "bollo on the first type on a tie",
      { lines: [line(5000), line(5000, { expenseType: "AA" })], pensionFundRateBp: 0 },
      0,
      10000,
      200,
      200,
      10200,
      [
        ["SP", 5200],
        ["AA", 5000],
      ],
    ],
    [
      "custom bollo amount and threshold",
      { lines: [line(5000)], pensionFundRateBp: 0, bolloCents: 300, bolloThresholdCents: 4999 },
      0,
      5000,
      300,
      300,
      5300,
      [["SP", 5300]],
    ],
    [
      "4% rate (other funds)",
      { lines: [line(10000)], pensionFundRateBp: 400 },
      400,
      10400,
      200,
      200,
      10600,
      [["SP", 10600]],
    ],
  ])("%s", (_name, input, pensionFund, exempt, bollo, bolloToPatient, totalDue, stsItems) => {
    const result = totals(input);
    expect(result.pensionFundCents).toBe(pensionFund);
    expect(result.exemptAmountCents).toBe(exempt);
    expect(result.bolloApplied).toBe(bollo > 0);
    expect(result.bolloCents).toBe(bollo);
    expect(result.bolloChargedToPatientCents).toBe(bolloToPatient);
    expect(result.totalDueCents).toBe(totalDue);
    expect(result.stsItems).toEqual(stsItems.map(([expenseType, amountCents]) => ({ expenseType, amountCents })));
  });

  it("gives per-line fee, contribution and total", () => {
    expect(
      totals({ lines: [line(7000, { quantity: 3 }), line(5000), line(2000, { pensionFund: false })] }).lines,
    ).toEqual([
      { feeCents: 21000, pensionFundCents: 420, totalCents: 21420 },
      { feeCents: 5000, pensionFundCents: 100, totalCents: 5100 },
      { feeCents: 2000, pensionFundCents: 0, totalCents: 2000 },
    ]);
  });

  it("rounds the contribution once on the sum, not per line", () => {
    // 3 × 33.33 at 2%: per line 0.6666 € would round to 0.67 each (2.01); on the sum 99.99 × 2% = 2.00.
    const result = totals({ lines: [line(3333), line(3333), line(3333)] });
    expect(result.pensionFundCents).toBe(200);
    expect(result.lines.map((l) => l.pensionFundCents)).toEqual([67, 67, 66]);
    // Two lines of 0.25 €: 0.5 cent each, 1 cent on the sum, given to the first line.
    expect(totals({ lines: [line(25), line(25)] }).lines.map((l) => l.pensionFundCents)).toEqual([1, 0]);
  });

  it.each([
    [{ lines: [] }, "almeno una riga"],
    [{ lines: [line(7000, { quantity: 0 })] }, "Riga 1: la quantità"],
    [{ lines: [line(7000), line(7000, { quantity: 1000 })] }, "Riga 2: la quantità"],
    [{ lines: [line(7000, { quantity: 1.5 })] }, "quantità"],
    [{ lines: [line(0)] }, "prezzo"],
    [{ lines: [line(10_000_001)] }, "prezzo"],
    [{ lines: [line(70.5)] }, "prezzo"],
    [{ lines: [line(7000)], pensionFundRateBp: -1 }, "contributo"],
    [{ lines: [line(7000)], bolloCents: -200 }, "bollo"],
  ])("rejects invalid input: %j", (input, message) => {
    const result = computeInvoiceTotals({ pensionFundRateBp: 200, bolloPolicy: "patient", ...input });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it("keeps its sums consistent for any valid invoice", () => {
    const lineArb = fc.record({
      quantity: fc.integer({ min: 1, max: 999 }),
      unitPriceCents: fc.integer({ min: 1, max: 10_000_000 }),
      pensionFund: fc.boolean(),
      expenseType: fc.constantFrom(...STS_EXPENSE_TYPES),
    });
    const inputArb = fc.record({
      lines: fc.array(lineArb, { minLength: 1, maxLength: 8 }),
      pensionFundRateBp: fc.integer({ min: 0, max: 10_000 }),
      bolloPolicy: fc.constantFrom("patient" as const, "practitioner" as const),
    });
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = computeInvoiceTotals(input);
        if (!result.ok) return false;
        const t = result.value;
        const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
        expect(sum(t.lines.map((l) => l.pensionFundCents))).toBe(t.pensionFundCents);
        expect(sum(t.lines.map((l) => l.totalCents))).toBe(t.exemptAmountCents);
        expect(sum(t.stsItems.map((i) => i.amountCents))).toBe(t.exemptAmountCents + t.bolloChargedToPatientCents);
        expect(t.totalDueCents).toBe(t.exemptAmountCents + t.bolloChargedToPatientCents);
        return true;
      }),
      { numRuns: 200 },
    );
  });
});
