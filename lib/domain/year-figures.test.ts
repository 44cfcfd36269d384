import { describe, expect, it } from "vitest";
import {
  computeYearFigures,
  DEFAULT_LIMITS,
  formatLimitBasis,
  parseLimitBasis,
  type FiguresDocument,
} from "./year-figures";

const doc = (over: Partial<FiguresDocument>): FiguresDocument => ({
  kind: "invoice",
  cashDate: "2026-05-10",
  subtotalCents: 0,
  pensionFundCents: 0,
  bolloChargedCents: 0,
  bolloIdentifier: null,
  totalCents: 0,
  documentNumber: "1/2026",
  ...over,
});

describe("computeYearFigures: the forfettario limits", () => {
  it.each([
    [7_649_999, "below", "below"],
    [7_650_000, "near", "below"],
    [8_500_000, "near", "below"],
    [8_500_001, "over", "below"],
    [9_000_000, "over", "near"],
    [10_000_000, "over", "near"],
    [10_000_001, "over", "over"],
  ])("fees of %i cents: %s 85,000 €, %s 100,000 €", (fees, lower, upper) => {
    const f = computeYearFigures(2026, [doc({ subtotalCents: fees, totalCents: fees })], DEFAULT_LIMITS);
    expect([f.limits.lower.state, f.limits.upper.state]).toEqual([lower, upper]);
  });

  it("counts the contribution and the bolli only when asked", () => {
    const docs = [doc({ subtotalCents: 10000, pensionFundCents: 200, bolloChargedCents: 200, totalCents: 10400 })];
    const counted = (pension: boolean, bolli: boolean) =>
      computeYearFigures(2026, docs, { ...DEFAULT_LIMITS, basis: { pension, bolli } }).limits.countedCents;
    expect([counted(false, false), counted(true, false), counted(false, true), counted(true, true)]).toEqual([
      10000, 10200, 10200, 10400,
    ]);
  });

  it("ignores documents cashed in another year and subtracts credit notes", () => {
    const f = computeYearFigures(
      2026,
      [
        doc({ subtotalCents: 5000, totalCents: 5100, cashDate: "2025-12-31" }),
        doc({ subtotalCents: 7000, totalCents: 7140, cashDate: "2026-03-01" }),
        doc({ kind: "credit_note", subtotalCents: 2000, totalCents: 2000, cashDate: "2026-03-15" }),
      ],
      DEFAULT_LIMITS,
    );
    expect(f.net.feesCents).toBe(5000);
    expect(f.months[2]).toEqual({ month: 3, feesCents: 5000, totalCents: 5140 });
  });

  it("stores what counts as text and reads it back", () => {
    for (const basis of [
      { pension: false, bolli: false },
      { pension: true, bolli: false },
      { pension: true, bolli: true },
    ]) {
      expect(parseLimitBasis(formatLimitBasis(basis))).toEqual(basis);
    }
  });
});
