import { describe, expect, it } from "vitest";
import {
  documentDateErrors,
  isAdvancePayment,
  PAYMENT_BEFORE_ISSUE,
  storedDateProblems,
  type DocumentDates,
} from "./invoice-dates";

const TODAY = "2026-12-02";
const dates = (issueDate: string, paymentDate: string | null, paidInAdvance = false): DocumentDates => ({
  issueDate,
  paymentDate,
  paidInAdvance,
});

describe("documentDateErrors (the forms' date rules, with an injected today)", () => {
  const cases: [string, DocumentDates, Record<string, RegExp>][] = [
    ["today, paid today", dates(TODAY, TODAY), {}],
    ["past invoice, not paid", dates("2026-03-10", null), {}],
    ["paid after the invoice", dates("2026-03-10", "2026-03-12"), {}],
    ["invoice tomorrow", dates("2026-12-03", null), { issueDate: /successiva a oggi \(02\/12\/2026\)/ }],
    ["a 2027 typo", dates("2027-03-10", null), { issueDate: /successiva a oggi/ }],
    ["payment tomorrow", dates("2026-11-30", "2026-12-03"), { paymentDate: /pagamento non può essere successiva/ }],
    [
      "both in the future",
      dates("2026-12-05", "2026-12-06"),
      { issueDate: /fattura/, paymentDate: /pagamento non può essere successiva/ },
    ],
    ["payment before the invoice, not confirmed", dates("2026-03-10", "2026-03-01"), { paymentDate: /anticipato/ }],
    ["payment before the invoice, confirmed as advance", dates("2026-03-10", "2026-03-01", true), {}],
    ["advance payment in the previous year, confirmed", dates("2026-01-05", "2025-12-20", true), {}],
    [
      "a future payment is refused even when confirmed as advance",
      dates("2026-12-10", "2026-12-05", true),
      { issueDate: /fattura/, paymentDate: /successiva/ },
    ],
  ];
  it.each(cases)("%s", (_label, input, expected) => {
    const errors = documentDateErrors(input, TODAY);
    expect(Object.keys(errors).sort()).toEqual(Object.keys(expected).sort());
    for (const [field, pattern] of Object.entries(expected)) expect(errors[field]?.[0]).toMatch(pattern);
  });

  it("says what to do about a payment before the invoice date", () => {
    expect(documentDateErrors(dates("2026-03-10", "2026-03-09"), TODAY).paymentDate).toEqual([PAYMENT_BEFORE_ISSUE]);
  });
});

describe("isAdvancePayment", () => {
  it.each([
    ["2026-03-10", "2026-03-09", true],
    ["2026-03-10", "2026-03-10", false],
    ["2026-03-10", "2026-03-11", false],
    ["2026-03-10", null, false],
  ] as const)("invoice %s paid %s → %s", (issueDate, paymentDate, expected) => {
    expect(isAdvancePayment({ issueDate, paymentDate })).toBe(expected);
  });
});

describe("storedDateProblems (existing data to review)", () => {
  it.each([
    ["clean invoice", "invoice", dates("2026-03-10", "2026-03-10"), []],
    ["future invoice", "invoice", dates("2027-03-10", null), ["future_issue_date"]],
    ["future payment", "invoice", dates("2026-03-10", "2026-12-25"), ["future_payment_date"]],
    ["payment before, unconfirmed", "invoice", dates("2026-03-10", "2026-03-01"), ["payment_before_issue"]],
    ["payment before, confirmed", "invoice", dates("2026-03-10", "2026-03-01", true), []],
    [
      "future invoice paid before it",
      "invoice",
      dates("2027-01-10", "2026-11-01"),
      ["future_issue_date", "payment_before_issue"],
    ],
    ["future credit note", "credit_note", dates("2027-01-10", "2027-01-10"), ["future_issue_date"]],
    ["credit note today", "credit_note", dates(TODAY, TODAY), []],
  ] as const)("%s", (_label, kind, input, expected) => {
    expect(storedDateProblems({ ...input, kind }, TODAY)).toEqual(expected);
  });
});
