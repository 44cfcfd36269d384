import { afterAll, expect, inject } from "vitest";
import { AppError } from "../../lib/app-error";
import { createDb, type Db } from "../../lib/db";
import { registerPractitioner } from "../../lib/services/accounts/register-practitioner";

let shared: Db | null = null;

// The run's database (see global-setup.ts), one client per test file.
export function testDb(): Db {
  if (!shared) {
    shared = createDb(inject("databaseUrl"), { poolSize: 30 });
    afterAll(async () => {
      await shared?.$disconnect();
      shared = null;
    });
  }
  return shared;
}

export function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

export const TEST_PASSWORD = "password-sicura-1";

/** A practitioner registered through the same service as the registration form. */
export async function registerTestPractitioner(label: string) {
  return registerPractitioner({
    db: testDb(),
    input: {
      name: `Dott. ${label}`,
      email: uniqueEmail(label),
      password: TEST_PASSWORD,
      passwordConfirm: TEST_PASSWORD,
    },
  });
}

/** The AppError a promise rejects with (fails the test when it resolves or throws something else). */
export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
