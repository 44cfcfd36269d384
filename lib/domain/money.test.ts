import { describe, expect, it } from "vitest";
import {
  centsToStsAmount,
  divideRoundHalfAwayFromZero,
  formatBasisPoints,
  formatCents,
  isValidStsAmountCents,
  parseEuroToCents,
  percentOfCents,
} from "./money";

describe("parseEuroToCents", () => {
  it.each([
    ["70", 7000],
    ["70,00", 7000],
    ["70,5", 7050],
    ["70.5", 7050],
    ["70.05", 7005],
    ["1.234,56", 123456],
    ["1.234", 123400],
    ["123.456,78", 12345678],
    ["1234,56", 123456],
    ["€ 70", 7000],
    ["€70,00", 7000],
    ["70 €", 7000],
    ["70\u00a0€", 7000],
    ["  80,00  ", 8000],
    ["0,01", 1],
    ["007,10", 710],
    ["1.000.000,00", 100_000_000],
    ["0", 0],
  ])("accepts %j as %d cents", (input, cents) => {
    expect(parseEuroToCents(input)).toEqual({ ok: true, value: cents });
  });

  it.each([
    ["", "Inserisci un importo"],
    ["   ", "Inserisci un importo"],
    ["abc", "Importo non valido"],
    ["70,5,0", "Importo non valido"],
    ["1,234.56", "Importo non valido"],
    ["12.34.56", "Importo non valido"],
    ["7 0", "Importo non valido"],
    ["70,", "Importo non valido"],
    [",50", "Importo non valido"],
    ["1e3", "Importo non valido"],
    ["0x10", "Importo non valido"],
    ["70,123", "al massimo due decimali"],
    ["1,234", "al massimo due decimali"],
    ["-70", "non può essere negativo"],
    ["1.000.000,01", "troppo grande"],
    ["99999999999999999999", "troppo grande"],
  ])("rejects %j", (input, message) => {
    const result = parseEuroToCents(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it("accepts negatives only when asked", () => {
    expect(parseEuroToCents("-70,50", { allowNegative: true })).toEqual({ ok: true, value: -7050 });
    expect(parseEuroToCents("- € 70", { allowNegative: true })).toEqual({ ok: true, value: -7000 });
  });

  it("rejects zero when asked", () => {
    expect(parseEuroToCents("0,00", { allowZero: false }).ok).toBe(false);
    expect(parseEuroToCents("0,00")).toEqual({ ok: true, value: 0 });
  });
});

describe("formatCents", () => {
  it.each([
    [0, "0,00\u00a0€"],
    [1, "0,01\u00a0€"],
    [7140, "71,40\u00a0€"],
    [123456, "1.234,56\u00a0€"],
    [100_000_000, "1.000.000,00\u00a0€"],
    [-7050, "-70,50\u00a0€"],
    [-5, "-0,05\u00a0€"],
  ])("%d → %j", (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });

  it("omits the symbol on request", () => {
    expect(formatCents(123456, { symbol: false })).toBe("1.234,56");
  });

  it("round-trips through the parser", () => {
    for (const cents of [1, 99, 100, 7140, 99999, 123456, 100_000_000]) {
      expect(parseEuroToCents(formatCents(cents))).toEqual({ ok: true, value: cents });
    }
  });

  it("refuses non-integer cents", () => {
    expect(() => formatCents(70.5)).toThrow(RangeError);
  });
});

describe("centsToStsAmount", () => {
  it.each([
    [7000, "70.00"],
    [1, "0.01"],
    [7140, "71.40"],
    [8360, "83.60"],
    [9_999_999, "99999.99"],
  ])("%d → %s", (cents, text) => {
    expect(centsToStsAmount(cents)).toBe(text);
    expect(text).toMatch(/^[0-9]{1,5}[.][0-9]{2}$/);
  });

  it.each([0, -100, 10_000_000, 1.5])("rejects %d", (cents) => {
    expect(isValidStsAmountCents(cents)).toBe(false);
    expect(() => centsToStsAmount(cents)).toThrow(RangeError);
  });
});

describe("percentOfCents (half away from zero)", () => {
  it.each([
    [7000, 200, 140],
    [8000, 200, 160],
    [7000, 0, 0],
    [25, 200, 1], // 0.5 cent → 1
    [24, 200, 0], // 0.48 cent → 0
    [75, 200, 2], // 1.5 cents → 2
    [125, 200, 3], // 2.5 cents → 3, banker's rounding would give 2
    [-25, 200, -1], // -0.5 cent → -1 (away from zero)
    [-24, 200, 0],
    [3333, 400, 133], // 133.32
    [100_000_000, 10_000, 100_000_000],
  ])("%d cents × %d bp = %d", (cents, bp, expected) => {
    expect(percentOfCents(cents, bp)).toBe(expected);
  });

  it("never yields negative zero", () => {
    expect(Object.is(divideRoundHalfAwayFromZero(-1, 10_000), 0)).toBe(true);
  });

  it("refuses fractional inputs", () => {
    expect(() => percentOfCents(10.5, 200)).toThrow(RangeError);
    expect(() => percentOfCents(1000, 2.5)).toThrow(RangeError);
  });
});

describe("formatBasisPoints", () => {
  it.each([
    [200, "2%"],
    [250, "2,5%"],
    [25, "0,25%"],
    [400, "4%"],
    [0, "0%"],
    [10_000, "100%"],
  ])("%d bp → %s", (bp, text) => {
    expect(formatBasisPoints(bp)).toBe(text);
  });
});
