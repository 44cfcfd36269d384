import { describe, expect, it } from "vitest";
import { FREE_ATTEMPTS, lockAfterFailure, lockMessage } from "./throttle-policy";

const now = new Date("2026-11-26T10:00:00Z");

describe("login throttle policy", () => {
  it.each([
    [1, null],
    [FREE_ATTEMPTS - 1, null],
    [FREE_ATTEMPTS, 30_000],
    [FREE_ATTEMPTS + 1, 60_000],
    [FREE_ATTEMPTS + 2, 120_000],
    [FREE_ATTEMPTS + 10, 15 * 60_000],
    [FREE_ATTEMPTS + 40, 15 * 60_000],
  ])("after %i failures locks for %s ms", (failures, ms) => {
    const until = lockAfterFailure(failures, now);
    expect(until === null ? null : until.getTime() - now.getTime()).toBe(ms);
  });

  it("tells how long to wait in Italian", () => {
    expect(lockMessage(new Date(now.getTime() + 30_000), now)).toBe(
      "Troppi tentativi non riusciti. Riprova tra 30 secondi.",
    );
    expect(lockMessage(new Date(now.getTime() + 10 * 60_000), now)).toBe(
      "Troppi tentativi non riusciti. Riprova tra 10 minuti.",
    );
  });
});
