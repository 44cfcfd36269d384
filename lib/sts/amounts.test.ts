import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatStsDouble, parseStsAmount } from "./amounts";

describe("amounts of the query services", () => {
  it.each([
    ["90.0", 9000],
    ["25.3", 2530],
    ["402", 40200],
    ["0.0", 0],
    ["12,50", 1250],
    ["40.300000000000004", 4030],
    ["40.299999999999997", 4030],
    ["0.005", 1],
    ["0.0049", 0],
    ["1.0E3", 100000],
    ["-5.5", -550],
    [" 7.00 ", 700],
  ])("reads %s as %i cents", (text, cents) => {
    expect(parseStsAmount(text)).toBe(cents);
  });

  it.each(["", "abc", "1.2.3", "NaN", "1e", null, undefined])("refuses %s", (text) => {
    expect(parseStsAmount(text)).toBeNull();
  });

  it.each([
    [9000, "90.0"],
    [550, "5.5"],
    [1234, "12.34"],
    [5, "0.05"],
    [0, "0.0"],
    [-50, "-0.5"],
  ])("writes %i cents as %s", (cents, text) => {
    expect(formatStsDouble(cents)).toBe(text);
  });

  it("reads back every amount it writes", () => {
    fc.assert(
      fc.property(fc.integer({ min: -9_999_999, max: 9_999_999 }), (cents) => {
        expect(parseStsAmount(formatStsDouble(cents))).toBe(cents);
      }),
    );
  });
});
