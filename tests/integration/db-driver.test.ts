import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { directSqlOf } from "../../lib/data/direct-sql";
import { createDb } from "../../lib/db";
import { Prisma } from "../../lib/generated/sqlite/client";
import { testDatabaseProvider, testDatabaseUrl } from "./test-db";

// lib/db.ts takes the connection of Prisma's SQLite adapter from a field outside its typed API (the adapter offers no
// documented way to reach it), and hands Prisma's PostgreSQL adapter pools of its own. An upgrade of the adapters
// that changes what this relies on fails here, not in production.
describe("the client createDb makes", () => {
  const one = Prisma.sql`SELECT 1 AS "one"`;

  it("runs the direct statements on Prisma's connection, and again after $disconnect", async () => {
    const db = createDb(testDatabaseUrl());
    try {
      const direct = directSqlOf(db)!;
      expect(direct).toBeDefined();
      expect(await direct.query(one)).toEqual([{ one: 1 }]);
      await db.$disconnect();
      expect(await direct.query(one)).toEqual([{ one: 1 }]);
      expect(await db.practitioner.count()).toBeGreaterThanOrEqual(0);
    } finally {
      await db.$disconnect();
    }
  });

  it.runIf(testDatabaseProvider() === "sqlite")(
    "on SQLite, begins Prisma's interactive transactions IMMEDIATE: the write lock is taken before the first write",
    async () => {
      const db = createDb(testDatabaseUrl());
      const other = new Database(testDatabaseUrl().slice("file:".length), { timeout: 0 });
      try {
        await db.$transaction(async (tx) => {
          await tx.practitioner.count(); // a read only
          expect(() => other.prepare("BEGIN IMMEDIATE").run()).toThrow(/locked/);
        });
        other.prepare("BEGIN IMMEDIATE").run();
        other.prepare("ROLLBACK").run();
        // The direct statements share the adapter's connection: they wait for no lock of Prisma's own.
        await db.$transaction(async (tx) => {
          await tx.practitioner.count();
          expect(await directSqlOf(db)!.query(one)).toEqual([{ one: 1 }]);
        });
      } finally {
        other.close();
        await db.$disconnect();
      }
    },
  );

  it.runIf(testDatabaseProvider() === "postgresql")(
    "on PostgreSQL, leaves no connection open after $disconnect (its pools are ended with the client)",
    async () => {
      const admin = new pg.Client({ connectionString: testDatabaseUrl() });
      await admin.connect();
      const others = async () => {
        const { rows } = await admin.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        );
        return rows[0]!.n;
      };
      const settled = async (expected: number) => {
        for (let i = 0; i < 50 && (await others()) !== expected; i++) await new Promise((r) => setTimeout(r, 100));
        return others();
      };
      const db = createDb(testDatabaseUrl(), { poolSize: 3 });
      try {
        const before = await settled(0);
        await Promise.all([db.practitioner.count(), directSqlOf(db)!.query(one), directSqlOf(db)!.query(one)]);
        expect(await others()).toBeGreaterThan(before);
        await db.$disconnect();
        expect(await settled(before)).toBe(before);
        // Used again, it reconnects; closed again, it lets go again.
        expect(await directSqlOf(db)!.query(one)).toEqual([{ one: 1 }]);
        await db.$disconnect();
        expect(await settled(before)).toBe(before);
      } finally {
        await db.$disconnect();
        await admin.end();
      }
    },
  );
});
