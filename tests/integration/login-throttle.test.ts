// The front door under concurrency, on both databases: a burst of guesses on one email reaches the password check
// at most FREE_ATTEMPTS times and cannot let the right password in; the per-address limits count every request.
import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/app-error";
import { FREE_ATTEMPTS } from "../../lib/auth/throttle-policy";
import { hashingLoad } from "../../lib/auth/password";
import { hitRateLimit } from "../../lib/data/rate-limits";
import { passwordChecksFor } from "../../lib/data/login-throttle";
import { ADDRESS_LIMITED } from "../../lib/services/accounts/address-limits";
import { authenticatePractitioner, INVALID_LOGIN } from "../../lib/services/accounts/authenticate-practitioner";
import { env } from "../../lib/env";
import { registerTestPractitioner, TEST_PASSWORD, testDb, uniqueEmail } from "./test-db";

function login(email: string, password: string, address?: string) {
  return authenticatePractitioner({ db: testDb(), input: { email, password }, address });
}

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.userMessage;
    throw error;
  }
}

describe("login throttle under concurrency", () => {
  it("30 concurrent wrong guesses then the right password: refused, at most FREE_ATTEMPTS checks", async () => {
    const { email } = await registerTestPractitioner("burst");
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => outcome(login(email, `sbagliata-${i}-abcdef`))),
    );
    expect(guesses).not.toContain("ok");
    const right = await outcome(login(email, TEST_PASSWORD));
    expect(right).toMatch(/Troppi tentativi/);
    const checks = await passwordChecksFor(testDb(), email);
    expect(checks).toBeGreaterThan(0);
    expect(checks).toBeLessThanOrEqual(FREE_ATTEMPTS);
  });

  it("counts every concurrent failure on an unknown email too", async () => {
    const email = uniqueEmail("ghost-burst");
    await Promise.all(Array.from({ length: 12 }, () => outcome(login(email, "nessuna-password"))));
    expect(await passwordChecksFor(testDb(), email)).toBeLessThanOrEqual(FREE_ATTEMPTS);
    expect(await outcome(login(email, "nessuna-password"))).toMatch(/Troppi tentativi/);
  });

  it("still logs in with the right password after a few failures, and counts the check", async () => {
    const { email } = await registerTestPractitioner("ok-after");
    expect(await outcome(login(email, "sbagliata-una-volta"))).toBe(INVALID_LOGIN);
    expect(await outcome(login(email, TEST_PASSWORD))).toBe("ok");
    const row = await testDb().loginThrottle.findUniqueOrThrow({ where: { key: email } });
    expect(row).toMatchObject({ failures: 0, lockedUntil: null, checks: 2 });
  });
});

describe("unknown emails under a flood", () => {
  it("are answered like a wrong password without computing a hash", async () => {
    const { email } = await registerTestPractitioner("known-timing");
    await outcome(login(uniqueEmail("calibration"), "sbagliata-e-basta"));
    const before = hashingLoad().computed;
    const timed = async (address: string) => {
      const started = performance.now();
      const answer = await outcome(login(address, "sbagliata-e-basta"));
      return { answer, ms: performance.now() - started };
    };
    const unknown = [];
    for (let i = 0; i < 4; i++) unknown.push(await timed(uniqueEmail(`ghost${i}`)));
    // Each login for an unknown email would have been a full scrypt: none was computed.
    expect(hashingLoad().computed - before).toBe(0);
    for (const { answer } of unknown) expect(answer).toBe(INVALID_LOGIN);
    // A wrong password for a real account does compute one, and gives the same answer.
    expect((await timed(email)).answer).toBe(INVALID_LOGIN);
    expect(hashingLoad().computed - before).toBe(1);
  });
});

describe("per-address limits", () => {
  it("counts concurrent requests exactly (never more than the limit pass)", async () => {
    const now = new Date();
    const key = `test:${uniqueEmail("rl")}`;
    const results = await Promise.all(Array.from({ length: 20 }, () => hitRateLimit(testDb(), key, 5, 60_000, now)));
    expect(results.filter(Boolean)).toHaveLength(5);
    // A new window opens once the old one is over.
    expect(await hitRateLimit(testDb(), key, 5, 60_000, new Date(now.getTime() + 61_000))).toBe(true);
    expect(await hitRateLimit(testDb(), key, 5, 60_000, new Date(now.getTime() + 61_000))).toBe(true);
  });

  it("refuses logins from one address beyond LOGIN_LIMIT_PER_ADDRESS, before any password check", async () => {
    const limit = env().LOGIN_LIMIT_PER_ADDRESS;
    const address = `10.0.0.${Math.floor(Math.random() * 250)}-${Date.now()}`;
    const emails = Array.from({ length: limit + 5 }, (_, i) => uniqueEmail(`addr${i}`));
    const results = [];
    for (const email of emails) results.push(await outcome(login(email, "sbagliata-e-basta", address)));
    expect(results.filter((r) => r === ADDRESS_LIMITED)).toHaveLength(5);
    for (const email of emails.slice(limit)) expect(await passwordChecksFor(testDb(), email)).toBe(0);
    // Another address is not affected.
    expect(await outcome(login(uniqueEmail("other"), "sbagliata-e-basta", "10.9.9.9"))).toBe(INVALID_LOGIN);
  });
});
