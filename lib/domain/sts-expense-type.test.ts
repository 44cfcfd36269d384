import { describe, expect, it } from "vitest";
import { DEFAULT_STS_EXPENSE_TYPE, isStsExpenseType, STS_EXPENSE_TYPES, stsExpenseTypeLabel } from "./sts-expense-type";

describe("STS expense types", () => {
  it("defaults to SP and knows the twelve STS codes", () => {
    expect(DEFAULT_STS_EXPENSE_TYPE).toBe("SP");
    expect(STS_EXPENSE_TYPES).toHaveLength(12);
    expect(stsExpenseTypeLabel("SP")).toBe("Prestazioni sanitarie");
  });

  it.each([
    ["SP", true],
    ["AA", true],
    ["sp", false],
    ["XX", false],
  ])("isStsExpenseType(%j) = %s", (value, expected) => {
    expect(isStsExpenseType(value)).toBe(expected);
  });
});
