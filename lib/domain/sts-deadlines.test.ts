import { describe, expect, it } from "vitest";
import { daysUntil, stsDeadlineForPaymentYear } from "./sts-deadlines";

describe("stsDeadlineForPaymentYear", () => {
  it.each([
    [2025, "2026-02-02"], // 31/01/2026 is a Saturday
    [2026, "2027-02-01"], // 31/01/2027 is a Sunday
    [2027, "2028-01-31"], // Monday
    [2028, "2029-01-31"], // Wednesday
    [2031, "2032-02-02"], // Saturday again
    [2036, "2037-02-02"], // Saturday
    [2032, "2033-01-31"], // Monday
  ])("%d → %s", (year, deadline) => {
    expect(stsDeadlineForPaymentYear(year)).toBe(deadline);
  });

  it.each([1999, 2101, 2025.5])("refuses %d", (year) => {
    expect(() => stsDeadlineForPaymentYear(year)).toThrow(RangeError);
  });
});

describe("daysUntil", () => {
  it.each([
    ["2026-02-02", "2026-02-02", 0],
    ["2026-02-02", "2026-01-31", 2],
    ["2026-02-02", "2025-12-31", 33],
    ["2026-02-02", "2026-02-03", -1],
    ["2027-02-01", "2026-03-28", 310], // crosses the DST change without off-by-one
  ])("deadline %s, today %s → %d", (deadline, today, days) => {
    expect(daysUntil(deadline, today)).toBe(days);
  });

  it("reads an instant in Europe/Rome", () => {
    // 23:30 UTC on 1 Feb 2026 is already 2 Feb in Italy: the deadline day.
    expect(daysUntil("2026-02-02", new Date("2026-02-01T23:30:00Z"))).toBe(0);
    expect(daysUntil("2026-02-02", new Date("2026-02-01T22:30:00Z"))).toBe(1);
  });
});
