// Two-factor authentication on both databases: enrolment confirmed by a first code, login asking for the code after
// the password, each code accepted once, recovery codes usable once, code guesses throttled like passwords, turning
// it off with password and code. Codes are computed here with otplib at the injected time.
import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/app-error";
import { FREE_ATTEMPTS } from "../../lib/auth/throttle-policy";
import { passwordChecksFor } from "../../lib/data/login-throttle";
import { authenticatePractitioner } from "../../lib/services/accounts/authenticate-practitioner";
import { confirmTwoFactor } from "../../lib/services/two-factor/confirm-two-factor";
import { disableTwoFactor } from "../../lib/services/two-factor/disable-two-factor";
import { getTwoFactorStatus } from "../../lib/services/two-factor/get-two-factor-status";
import { startTwoFactor } from "../../lib/services/two-factor/start-two-factor";
import { INVALID_SECOND_FACTOR, TWO_FACTOR_REQUIRED } from "../../lib/schemas/two-factor";
import { appErrorOf, registerTestPractitioner, TEST_PASSWORD, testDb } from "./test-db";

const T0 = new Date("2026-12-02T09:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const codeAt = (secret: string, when: Date) => generate({ secret, epoch: Math.floor(when.getTime() / 1000) });

function login(email: string, extra: { password?: string; code?: string; now?: Date } = {}) {
  return authenticatePractitioner({
    db: testDb(),
    input: {
      email,
      password: extra.password ?? TEST_PASSWORD,
      ...(extra.code !== undefined ? { code: extra.code } : {}),
    },
    now: extra.now ?? T0,
  });
}

async function enrolled(label: string) {
  const practitioner = await registerTestPractitioner(label);
  const { secret, qrCode } = await startTwoFactor({ db: testDb(), practitionerId: practitioner.id });
  expect(qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
  const { recoveryCodes } = await confirmTwoFactor({
    db: testDb(),
    practitionerId: practitioner.id,
    input: { code: await codeAt(secret, T0) },
    now: T0,
  });
  return { ...practitioner, secret, recoveryCodes };
}

describe("two-factor authentication", () => {
  it("is turned on only by a right first code, and gives 10 recovery codes", async () => {
    const practitioner = await registerTestPractitioner("tf-enrol");
    const { secret } = await startTwoFactor({ db: testDb(), practitionerId: practitioner.id });
    const wrong = await appErrorOf(
      confirmTwoFactor({ db: testDb(), practitionerId: practitioner.id, input: { code: "000000" }, now: T0 }),
    );
    expect(wrong.fieldErrors.code?.[0]).toMatch(/Codice non valido/);
    expect(await getTwoFactorStatus({ db: testDb(), practitionerId: practitioner.id })).toEqual({ enabled: false });
    // Not on yet: the password alone still logs in.
    await expect(login(practitioner.email)).resolves.toMatchObject({ id: practitioner.id });

    const { recoveryCodes } = await confirmTwoFactor({
      db: testDb(),
      practitionerId: practitioner.id,
      input: { code: await codeAt(secret, T0) },
      now: T0,
    });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(await getTwoFactorStatus({ db: testDb(), practitionerId: practitioner.id })).toMatchObject({
      enabled: true,
      recoveryCodesLeft: 10,
    });
    // Once on, the secret is never given again.
    expect((await appErrorOf(startTwoFactor({ db: testDb(), practitionerId: practitioner.id }))).code).toBe("conflict");
  });

  it("asks for the code after the password, refuses a wrong one, and accepts each code once", async () => {
    const { email, id, secret } = await enrolled("tf-login");
    expect((await appErrorOf(login(email, { now: at(60) }))).userMessage).toBe(TWO_FACTOR_REQUIRED);
    expect((await appErrorOf(login(email, { code: "123456", now: at(60) }))).userMessage).toBe(INVALID_SECOND_FACTOR);
    // A wrong password with a right code is a wrong password (the code is not even looked at).
    const code = await codeAt(secret, at(60));
    expect((await appErrorOf(login(email, { password: "sbagliata-davvero", code, now: at(60) }))).userMessage).toMatch(
      /Email o password/,
    );
    await expect(login(email, { code, now: at(60) })).resolves.toMatchObject({ id });
    // The same code again (seen over a shoulder) is refused; the next one works.
    expect((await appErrorOf(login(email, { code, now: at(65) }))).userMessage).toBe(INVALID_SECOND_FACTOR);
    await expect(login(email, { code: await codeAt(secret, at(120)), now: at(120) })).resolves.toMatchObject({ id });
  });

  it("accepts a recovery code once, typed in any case and without dashes", async () => {
    const { email, id, recoveryCodes } = await enrolled("tf-recovery");
    const typed = recoveryCodes[3]!.replaceAll("-", "").toLowerCase();
    await expect(login(email, { code: typed, now: at(40) })).resolves.toMatchObject({ id });
    expect((await appErrorOf(login(email, { code: recoveryCodes[3]!, now: at(50) }))).userMessage).toBe(
      INVALID_SECOND_FACTOR,
    );
    expect(await getTwoFactorStatus({ db: testDb(), practitionerId: id })).toMatchObject({ recoveryCodesLeft: 9 });
  });

  it("throttles code guesses like passwords: 20 concurrent guesses, then even the right code is refused", async () => {
    const { email, secret } = await enrolled("tf-burst");
    const before = await passwordChecksFor(testDb(), email);
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        login(email, { code: String(100000 + i * 7919), now: at(60) }).then(
          () => "ok",
          (error: unknown) => (error instanceof AppError ? error.userMessage : "other"),
        ),
      ),
    );
    expect(guesses).not.toContain("ok");
    expect((await passwordChecksFor(testDb(), email)) - before).toBeLessThanOrEqual(FREE_ATTEMPTS);
    const right = await appErrorOf(login(email, { code: await codeAt(secret, at(61)), now: at(61) }));
    expect(right.userMessage).toMatch(/Troppi tentativi/);
  });

  it("is turned off only with the password and a code; then the password alone logs in again", async () => {
    const { email, id, secret } = await enrolled("tf-off");
    const code = await codeAt(secret, at(90));
    const wrongPassword = await appErrorOf(
      disableTwoFactor({ db: testDb(), practitionerId: id, input: { password: "non-e-questa", code }, now: at(90) }),
    );
    expect(wrongPassword.fieldErrors.password).toBeDefined();
    const wrongCode = await appErrorOf(
      disableTwoFactor({
        db: testDb(),
        practitionerId: id,
        input: { password: TEST_PASSWORD, code: "654321" },
        now: at(90),
      }),
    );
    expect(wrongCode.fieldErrors.code).toBeDefined();
    expect(await getTwoFactorStatus({ db: testDb(), practitionerId: id })).toMatchObject({ enabled: true });
    await disableTwoFactor({ db: testDb(), practitionerId: id, input: { password: TEST_PASSWORD, code }, now: at(90) });
    expect(await getTwoFactorStatus({ db: testDb(), practitionerId: id })).toEqual({ enabled: false });
    expect(await testDb().twoFactorRecoveryCode.count({ where: { practitionerId: id } })).toBe(0);
    await expect(login(email, { now: at(100) })).resolves.toMatchObject({ id });
  });
});
