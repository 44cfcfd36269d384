import { describe, expect, it } from "vitest";
import { createLimiter, inPool } from "./pool";

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("createLimiter", () => {
  it("never runs more than its bound at once, uses all of it, and runs every task in arrival order", async () => {
    const limit = createLimiter(3);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        limit(async () => {
          started.push(i);
          running++;
          peak = Math.max(peak, running);
          await tick(5 + (i % 3) * 3);
          running--;
          return i * 2;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 10 }, (_, i) => i * 2));
    expect(started).toEqual([...started].sort((a, b) => a - b));
  });

  it("frees the slot of a task that fails", async () => {
    const limit = createLimiter(1);
    await expect(limit(() => Promise.reject(new Error("no")))).rejects.toThrow("no");
    expect(await limit(async () => "next")).toBe("next");
  });

  it("bounds tasks started from more runners than slots (as the hourly run does)", async () => {
    const limit = createLimiter(2);
    let running = 0;
    let peak = 0;
    await inPool(Array.from({ length: 12 }), 4, async () => {
      await tick(1); // work outside the bound
      await limit(async () => {
        running++;
        peak = Math.max(peak, running);
        await tick(5);
        running--;
      });
    });
    expect(peak).toBe(2);
  });
});
