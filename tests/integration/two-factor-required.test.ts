import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/app-error";
import { confirmTwoFactor } from "../../lib/services/two-factor/confirm-two-factor";
import { disableTwoFactor } from "../../lib/services/two-factor/disable-two-factor";
import { mustEnrolTwoFactor } from "../../lib/services/two-factor/required-two-factor";
import { startTwoFactor } from "../../lib/services/two-factor/start-two-factor";
import { registerTestPractitioner, TEST_PASSWORD, testDb } from "./test-db";

describe("two-factor authentication required of the administrator (ADMIN_REQUIRE_2FA)", () => {
  it("holds the administrator to it until it is on, never another account, and keeps it on", async () => {
    const admin = await registerTestPractitioner("admin-2fa");
    const other = await registerTestPractitioner("other-2fa");
    const ask = (practitioner: { id: string; email: string }, required: boolean) =>
      mustEnrolTwoFactor({ db: testDb(), practitioner, required, adminEmail: admin.email });

    expect(await ask(admin, false)).toBe(false);
    expect(await ask(other, true)).toBe(false);
    expect(await ask(admin, true)).toBe(true);

    // Enrolment started but not confirmed: still required.
    const { secret } = await startTwoFactor({ db: testDb(), practitionerId: admin.id });
    expect(await ask(admin, true)).toBe(true);
    const now = new Date();
    const epoch = Math.floor(now.getTime() / 1000);
    await confirmTwoFactor({
      db: testDb(),
      practitionerId: admin.id,
      input: { code: await generate({ secret, epoch }) },
      now,
    });
    expect(await ask(admin, true)).toBe(false);

    // Turning it off is refused while it is required, before the password and code are even looked at.
    const refused = await disableTwoFactor({
      db: testDb(),
      practitionerId: admin.id,
      input: { password: TEST_PASSWORD, code: await generate({ secret, epoch: epoch + 30 }) },
      now: new Date((epoch + 30) * 1000),
      required: true,
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).message).toMatch(/obbligatoria/);
    expect(await ask(admin, true)).toBe(false);
  });
});
