import { expect } from "vitest";
import { AppError } from "../../lib/app-error";
import { createDb, type Db } from "../../lib/db";
import { hashPassword } from "../../lib/auth/password";
import { createPractitioner } from "../../lib/data/practitioners";

let shared: Db | null = null;

/** This test file's own database (a copy of the run's template: setup-file.ts). */
export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is set by tests/integration/setup-file.ts");
  return url;
}

export function testDatabaseProvider(): "sqlite" | "postgresql" {
  return testDatabaseUrl().startsWith("file:") ? "sqlite" : "postgresql";
}

/**
 * One client per test file, on the file's database; closed after the file by setup-file.ts. Tests start many
 * transactions at once to prove they serialize correctly (20 concurrent issues queue on one numbering row): on a
 * busy machine the last in the queue outlives Prisma's 5 s default, which is about speed, not correctness.
 */
export function testDb(): Db {
  shared ??= createDb(testDatabaseUrl(), { poolSize: 30, transactionOptions: { maxWait: 60_000, timeout: 60_000 } });
  return shared;
}

export async function closeTestDb() {
  await shared?.$disconnect();
  shared = null;
}

export function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

export const TEST_PASSWORD = "password-sicura-1";

let testPasswordHash: Promise<string> | null = null;

/**
 * A practitioner as the registration form's service writes one (the service itself, with its checks, is tested by
 * registration.test.ts and accounts.test.ts), with TEST_PASSWORD hashed once per worker: scrypt costs 0.1–0.2 s of
 * CPU per hash, and nearly every integration test registers practitioners of its own.
 */
export async function registerTestPractitioner(label: string) {
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  return createPractitioner(testDb(), {
    name: `Dott. ${label}`,
    email: uniqueEmail(label),
    passwordHash: await testPasswordHash,
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
