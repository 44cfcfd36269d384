import { afterAll, inject } from "vitest";
import { createDb, type Db } from "../../lib/db";

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
