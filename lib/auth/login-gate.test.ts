import { describe, expect, it } from "vitest";
import { createLoginGate } from "./login-gate";

// A clock that only moves when someone sleeps: what the gate makes each login wait is read exactly.
function fakeClock() {
  let now = 1_000_000;
  const slept: number[] = [];
  return {
    clock: {
      now: () => now,
      sleep: async (ms: number) => {
        slept.push(ms);
      },
    },
    slept,
    advance: (ms: number) => (now += ms),
  };
}

describe("login gate", () => {
  it("lets a lone login through at once", async () => {
    const { clock, slept } = fakeClock();
    const gate = createLoginGate({ intervalMs: 200, maxWaitMs: 2000, clock });
    expect(await gate.enter()).toBe(true);
    expect(slept).toEqual([]);
  });

  it("spaces 20 simultaneous logins: 11 start one interval apart, the rest are refused after the longest wait", async () => {
    const { clock, slept } = fakeClock();
    const gate = createLoginGate({ intervalMs: 200, maxWaitMs: 2000, clock });
    const results = await Promise.all(Array.from({ length: 20 }, () => gate.enter()));
    expect(results.filter(Boolean)).toHaveLength(11);
    expect(slept.slice(0, 10)).toEqual([200, 400, 600, 800, 1000, 1200, 1400, 1600, 1800, 2000]);
    // Refused ones are not answered at once: they wait the longest wait too, then give no start time away.
    expect(slept.slice(10)).toEqual(Array(9).fill(2000));
  });

  it("frees start times as time passes", async () => {
    const { clock, advance } = fakeClock();
    const gate = createLoginGate({ intervalMs: 200, maxWaitMs: 2000, clock });
    for (let i = 0; i < 11; i++) await gate.enter();
    expect(await gate.enter()).toBe(false);
    advance(2200);
    expect(await gate.enter()).toBe(true);
  });

  it("handles at most 1000 / interval logins a second, whatever the number of clients", async () => {
    const { clock, advance } = fakeClock();
    const gate = createLoginGate({ intervalMs: 200, maxWaitMs: 2000, clock });
    let admitted = 0;
    // 100 clients each trying every 100 ms for 10 simulated seconds.
    for (let tick = 0; tick < 100; tick++) {
      const round = await Promise.all(Array.from({ length: 100 }, () => gate.enter()));
      admitted += round.filter(Boolean).length;
      advance(100);
    }
    expect(admitted).toBeLessThanOrEqual(10 * 5 + 11);
  });
});
