import { describe, expect, it } from "vitest";
import { isCrashLoop, nextConsecutiveExits, restartDelayMs } from "./supervision";

describe("restart policy", () => {
  it.each([
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [5, 16_000],
    [6, 30_000],
    [40, 30_000],
  ])("after %i quick exits waits %i ms", (exits, delay) => {
    expect(restartDelayMs(exits)).toBe(delay);
  });

  it("starts again from the first delay after a healthy run", () => {
    expect(nextConsecutiveExits(4, 5_000)).toBe(5);
    expect(nextConsecutiveExits(4, 60_000)).toBe(1);
  });

  it("calls five exits in five minutes a crash loop, and forgets older ones", () => {
    const now = 10 * 60_000;
    const recent = [1, 2, 3, 4, 5].map((i) => ({ at: now - i * 30_000 }));
    expect(isCrashLoop(recent, now)).toBe(true);
    expect(isCrashLoop(recent.slice(1), now)).toBe(false);
    expect(isCrashLoop([...recent.slice(1), { at: now - 6 * 60_000 }], now)).toBe(false);
  });
});
