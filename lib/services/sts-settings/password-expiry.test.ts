import { describe, expect, it } from "vitest";
import { passwordExpiryStatus } from "./password-expiry";

// Instants in UTC; days are counted on the Italian calendar (CET = UTC+1 in winter, CEST = UTC+2 in summer).
describe("passwordExpiryStatus", () => {
  it.each([
    // setAt, validity, today, ageDays, expiresOn, daysLeft, level
    ["2026-01-01T09:00:00Z", 60, "2026-01-01T18:00:00Z", 0, "2026-03-02", 60, "ok"],
    ["2026-01-01T09:00:00Z", 60, "2026-02-19T09:00:00Z", 49, "2026-03-02", 11, "ok"],
    ["2026-01-01T09:00:00Z", 60, "2026-02-20T09:00:00Z", 50, "2026-03-02", 10, "warning"],
    ["2026-01-01T09:00:00Z", 60, "2026-03-01T22:59:00Z", 59, "2026-03-02", 1, "warning"],
    // 23:00 UTC on 1 March is already 2 March in Rome: the expiry day.
    ["2026-01-01T09:00:00Z", 60, "2026-03-01T23:00:00Z", 60, "2026-03-02", 0, "expired"],
    ["2026-01-01T09:00:00Z", 60, "2026-04-01T09:00:00Z", 90, "2026-03-02", -30, "expired"],
    // Set at 23:30 UTC on 31 December = 1 January in Rome.
    ["2025-12-31T23:30:00Z", 30, "2026-01-21T10:00:00Z", 20, "2026-01-31", 10, "warning"],
    ["2026-03-20T10:00:00Z", 180, "2026-03-29T10:00:00Z", 9, "2026-09-16", 171, "ok"],
  ] as const)("set %s, valid %i days, today %s", (setAt, validityDays, today, ageDays, expiresOn, daysLeft, level) => {
    expect(passwordExpiryStatus({ passwordSetAt: new Date(setAt), validityDays, today: new Date(today) })).toEqual({
      ageDays,
      expiresOn,
      daysLeft,
      level,
    });
  });
});
