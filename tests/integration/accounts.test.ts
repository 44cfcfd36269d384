import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/app-error";
import { FREE_ATTEMPTS } from "../../lib/auth/throttle-policy";
import { authenticatePractitioner, INVALID_LOGIN } from "../../lib/services/accounts/authenticate-practitioner";
import { registerPractitioner } from "../../lib/services/accounts/register-practitioner";
import { endSessions } from "../../lib/services/accounts/end-sessions";
import { findPractitionerById } from "../../lib/data/practitioners";
import { appErrorOf, testDb, uniqueEmail } from "./test-db";

const PASSWORD = "password-sicura-1";

async function register(email: string) {
  return registerPractitioner({
    db: testDb(),
    input: { name: "Dott.ssa Anna Verdi", email, password: PASSWORD, passwordConfirm: PASSWORD },
  });
}

describe("accounts", () => {
  it("registers with a normalised email and a hashed password", async () => {
    const email = uniqueEmail("Reg");
    const created = await register(`  ${email.toUpperCase()} `);
    const stored = await testDb().practitioner.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.email).toBe(email.toLowerCase());
    expect(stored.passwordHash).toMatch(/^scrypt\$/);
    expect(stored.passwordHash).not.toContain(PASSWORD);
  });

  it("refuses a duplicate email, also under concurrent registration", async () => {
    const email = uniqueEmail("dup");
    const results = await Promise.allSettled([register(email), register(email), register(email)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      const error = (r as PromiseRejectedResult).reason as AppError;
      expect(error.code).toBe("conflict");
      expect(error.fieldErrors.email?.[0]).toMatch(/Esiste già un account/);
    }
    expect(await testDb().practitioner.count({ where: { email } })).toBe(1);
  });

  it("returns Italian field errors for bad registration input and saves nothing", async () => {
    const email = uniqueEmail("bad");
    const error = await appErrorOf(
      registerPractitioner({
        db: testDb(),
        input: { name: "A", email: "non-una-email", password: "corta", passwordConfirm: "x" },
      }),
    );
    expect(error.fieldErrors.name?.[0]).toBe("Inserisci nome e cognome.");
    expect(error.fieldErrors.email?.[0]).toBe("L'email non è valida.");
    expect(error.fieldErrors.password?.[0]).toBe("La password deve avere almeno 10 caratteri.");
    expect(await testDb().practitioner.count({ where: { email } })).toBe(0);
  });

  it("logs in with the right password and gives the same answer for a wrong password or an unknown email", async () => {
    const email = uniqueEmail("login");
    await register(email);
    const ok = await authenticatePractitioner({ db: testDb(), input: { email, password: PASSWORD } });
    expect(ok.email).toBe(email);
    const wrong = await appErrorOf(
      authenticatePractitioner({ db: testDb(), input: { email, password: "sbagliata!!" } }),
    );
    const unknown = await appErrorOf(
      authenticatePractitioner({ db: testDb(), input: { email: uniqueEmail("ghost"), password: "sbagliata!!" } }),
    );
    expect(wrong.userMessage).toBe(INVALID_LOGIN);
    expect(unknown.userMessage).toBe(INVALID_LOGIN);
  });

  it("locks login after repeated failures, even with the right password, and unlocks with time", async () => {
    const email = uniqueEmail("throttle");
    await register(email);
    const now = new Date();
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      const e = await appErrorOf(authenticatePractitioner({ db: testDb(), input: { email, password: "no" }, now }));
      expect(e.code).toBe("unauthenticated");
    }
    const locked = await appErrorOf(
      authenticatePractitioner({ db: testDb(), input: { email, password: PASSWORD }, now }),
    );
    expect(locked.code).toBe("rate_limited");
    expect(locked.userMessage).toMatch(/Troppi tentativi/);
    const later = new Date(now.getTime() + 31_000);
    const ok = await authenticatePractitioner({ db: testDb(), input: { email, password: PASSWORD }, now: later });
    expect(ok.email).toBe(email);
  });

  it("throttles unknown emails too, so a lock does not reveal that an account exists", async () => {
    const email = uniqueEmail("nobody");
    const now = new Date();
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      await appErrorOf(authenticatePractitioner({ db: testDb(), input: { email, password: "no" }, now }));
    }
    const locked = await appErrorOf(authenticatePractitioner({ db: testDb(), input: { email, password: "no" }, now }));
    expect(locked.code).toBe("rate_limited");
  });

  it("ends sessions by bumping the session version", async () => {
    const created = await register(uniqueEmail("logout"));
    const before = await findPractitionerById(testDb(), created.id);
    await endSessions({ db: testDb(), practitionerId: created.id });
    const after = await findPractitionerById(testDb(), created.id);
    expect(after!.sessionVersion).toBe(before!.sessionVersion + 1);
  });
});
