import { describe, expect, it } from "vitest";
import {
  DEFAULT_STS_EXPENSE_TYPE,
  expenseTypesFor,
  isStsExpenseType,
  STS_EXPENSE_TYPES,
  stsExpenseTypeLabel,
} from "./sts-expense-type";

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

describe("expenseTypesFor", () => {
  it("offers a psychologist the health services first and the veterinary types last", () => {
    const { usual, others } = expenseTypesFor("Psicologa - Psicoterapeuta");
    expect(usual).toEqual(["SP"]);
    expect(others.slice(-2)).toEqual(["FV", "SV"]);
    expect([...usual, ...others].sort()).toEqual([...STS_EXPENSE_TYPES].sort());
  });
  it("offers a veterinarian the veterinary types first", () => {
    expect(expenseTypesFor("Medico veterinario").usual).toEqual(["SV", "FV", "AA"]);
  });
});
