import { describe, expect, it } from "vitest";
import { AppError } from "../app-error";
import { HASH_CONCURRENCY, HASH_QUEUE, HASHING_BUSY, hashingLoad, hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("una password lunga");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain("una password lunga");
    expect(await verifyPassword("una password lunga", hash)).toBe(true);
    expect(await verifyPassword("una password lungA", hash)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("x".repeat(12))).not.toBe(await hashPassword("x".repeat(12)));
  });

  it("refuses malformed stored values", async () => {
    expect(await verifyPassword("x", "plain")).toBe(false);
    expect(await verifyPassword("x", "bcrypt$1$2$3$abc$def")).toBe(false);
  });
});

describe("password hashing bound", () => {
  it(`runs at most ${HASH_CONCURRENCY} at once, queues ${HASH_QUEUE}, and refuses the rest at once`, async () => {
    const stored = await hashPassword("una password lunga");
    let peak = 0;
    const attempts = Array.from({ length: 10 }, () => {
      const attempt = verifyPassword("sbagliata", stored).then(
        () => "checked",
        (error: unknown) => (error instanceof AppError ? error.userMessage : "other"),
      );
      peak = Math.max(peak, hashingLoad().running);
      return attempt;
    });
    const results = await Promise.all(attempts);
    expect(peak).toBeLessThanOrEqual(HASH_CONCURRENCY);
    expect(results.filter((r) => r === "checked")).toHaveLength(HASH_CONCURRENCY + HASH_QUEUE);
    expect(results.filter((r) => r === HASHING_BUSY)).toHaveLength(10 - HASH_CONCURRENCY - HASH_QUEUE);
    expect(hashingLoad()).toMatchObject({ running: 0, waiting: 0 });
    // Once the queue has drained, a new check runs again.
    expect(await verifyPassword("una password lunga", stored)).toBe(true);
  });
});
