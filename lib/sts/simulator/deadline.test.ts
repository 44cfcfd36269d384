import { describe, expect, it } from "vitest";
import { isLate, transmissionDeadline } from "./deadline";

describe("transmission deadline of a payment year (docs/STS-PROTOCOL.md §10.4)", () => {
  it.each([
    [2025, "2026-02-02"], // 31 Jan 2026 is a Saturday
    [2026, "2027-02-01"], // 31 Jan 2027 is a Sunday
    [2027, "2028-01-31"], // Monday
  ])("payment year %i → %s", (year, deadline) => {
    expect(transmissionDeadline(year)).toBe(deadline);
  });

  it("compares days in Italian time", () => {
    expect(isLate("2025-06-01", new Date("2026-02-02T22:59:59Z"))).toBe(false);
    expect(isLate("2025-06-01", new Date("2026-02-02T23:00:00Z"))).toBe(true);
  });
});
