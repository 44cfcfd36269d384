// Registration as a way in: weak passwords refused (zxcvbn's estimate), the same time whether or not the email
// exists (one hash either way), and a limit per client address.
import { describe, expect, it } from "vitest";
import { hashingLoad } from "../../lib/auth/password";
import { WEAK_PASSWORD } from "../../lib/auth/password-policy";
import { env } from "../../lib/env";
import { ADDRESS_LIMITED } from "../../lib/services/accounts/address-limits";
import { registerPractitioner } from "../../lib/services/accounts/register-practitioner";
import { appErrorOf, registerTestPractitioner, TEST_PASSWORD, testDb, uniqueEmail } from "./test-db";

function register(email: string, password = TEST_PASSWORD, address?: string) {
  return registerPractitioner({
    db: testDb(),
    input: { name: "Dott.ssa Anna Verdi", email, password, passwordConfirm: password },
    address,
  });
}

describe("registration", () => {
  it.each(["          ", "aaaaaaaaaa", "password123", "qwertyuiop", "1234567890", "Password1!"])(
    "refuses the weak password %j beside the field, and saves nothing",
    async (password) => {
      const email = uniqueEmail("weak");
      const error = await appErrorOf(register(email, password));
      expect(error.code).toBe("validation");
      expect(error.fieldErrors.password).toEqual([WEAK_PASSWORD]);
      expect(await testDb().practitioner.count({ where: { email } })).toBe(0);
    },
  );

  it("does the same work whether or not the email has an account: one password hash each", async () => {
    // What makes the two answers take the same time (the hash is ~all of it); the medians themselves are measured
    // by the benchmark (bench/front-door.ts), since a timed assertion would fail on a busy machine.
    const { email: taken } = await registerTestPractitioner("taken");
    const hashesOf = async (email: string) => {
      const before = hashingLoad().computed;
      await register(email).catch(() => undefined);
      return hashingLoad().computed - before;
    };
    expect(await hashesOf(taken)).toBe(1);
    expect(await hashesOf(uniqueEmail("fresh"))).toBe(1);
    // Same answer shape for a taken email as before: the email field says so (accepted until e-mail verification).
    const error = await appErrorOf(register(taken));
    expect(error.code).toBe("conflict");
  });

  it("refuses registrations from one address beyond REGISTRATION_LIMIT_PER_ADDRESS", async () => {
    const limit = env().REGISTRATION_LIMIT_PER_ADDRESS;
    const address = `192.0.2.${Date.now() % 250}`;
    const codes = [];
    // Bad input costs nothing to check, and still counts: the limit comes first.
    for (let i = 0; i < limit + 2; i++) {
      codes.push((await appErrorOf(register(uniqueEmail("rl"), "corta", address))).userMessage);
    }
    expect(codes.filter((m) => m === ADDRESS_LIMITED)).toHaveLength(2);
    const other = await appErrorOf(register(uniqueEmail("rl"), "corta", "192.0.2.251"));
    expect(other.userMessage).not.toBe(ADDRESS_LIMITED);
  });
});
