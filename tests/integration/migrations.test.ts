import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrate } from "../../scripts/db.mjs";
import { committedMigrations } from "../../lib/db-migrations.mjs";
import { testDatabaseProvider, testDatabaseUrl, testDb } from "./test-db";

const root = join(__dirname, "../..");
const lastMigration = committedMigrations(root, "sqlite").at(-1)!.name;

/**
 * The tables the last migration creates: the tests take a database back to before it by dropping them. They need a
 * last migration that only creates tables (a new table with its indexes and keys), whichever it is.
 */
function tablesOfLastMigration(provider: "sqlite" | "postgresql"): string[] {
  const sql = readFileSync(join(root, "prisma", provider, "migrations", lastMigration, "migration.sql"), "utf8");
  const tables = [...sql.matchAll(/^CREATE TABLE "([^"]+)"/gm)].map((m) => m[1]!);
  if (tables.length === 0 || tables.some((t) => t.startsWith("new_")) || /^DROP /m.test(sql))
    throw new Error(`${lastMigration} does more than create tables: give these tests a migration to undo`);
  return tables;
}

// `npm run db:migrate` as the administrator runs it: a process of its own, on a database the app has open.
function migrateProcess(databaseUrl: string) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [join(root, "scripts/db.mjs"), "migrate"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe.runIf(testDatabaseProvider() === "sqlite")("migrations on a live SQLite database", () => {
  it("does nothing when nothing is pending, even while another connection holds the write lock", async () => {
    await testDb().practitioner.count(); // the app's connection is open
    const path = testDatabaseUrl().slice("file:".length);
    const writer = new Database(path);
    writer.exec("BEGIN IMMEDIATE");
    writer.exec("UPDATE _prisma_migrations SET logs = logs WHERE 0");
    try {
      const result = await migrateProcess(testDatabaseUrl());
      expect(result.output).not.toMatch(/migration applied|SocketTimeout|Error/);
      expect(result.code).toBe(0);
    } finally {
      writer.exec("ROLLBACK");
      writer.close();
    }
  });

  it("applies a pending migration once, waiting for the app's writes, and Prisma agrees with the result", async () => {
    const path = testDatabaseUrl().slice("file:".length);
    // Take the database back to before the last migration.
    const tables = tablesOfLastMigration("sqlite");
    const admin = new Database(path);
    for (const table of tables) admin.exec(`DROP TABLE "${table}"`);
    admin.prepare('DELETE FROM "_prisma_migrations" WHERE migration_name = ?').run(lastMigration);
    admin.close();

    const app = testDb();
    const writes = Promise.all([1, 2, 3].map((i) => app.practitioner.count().then(() => i)));
    const [first, second] = await Promise.all([migrateProcess(testDatabaseUrl()), migrateProcess(testDatabaseUrl())]);
    await writes;
    expect([first.code, second.code]).toEqual([0, 0]);
    // Two migrators at once: exactly one of them applied it.
    expect(`${first.output}${second.output}`.match(/migration applied/g)).toHaveLength(1);
    const check = new Database(path, { readonly: true });
    const rows = check
      .prepare('SELECT count(*) AS n FROM "_prisma_migrations" WHERE migration_name = ?')
      .get(lastMigration);
    check.close();
    expect(rows).toEqual({ n: 1 });
    const [table] = tables;
    const counted = await app.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT count(*) AS n FROM "${table}"`);
    expect(Number(counted[0]!.n)).toBe(0);

    const status = execFileSync(
      process.execPath,
      [join(root, "node_modules/prisma/build/index.js"), "migrate", "status", "--config", "prisma.sqlite.config.ts"],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: testDatabaseUrl(), CHECKPOINT_DISABLE: "1" },
        encoding: "utf8",
      },
    );
    expect(status).toMatch(/Database schema is up to date/);
  });
});

describe.runIf(testDatabaseProvider() === "postgresql")("migrations on PostgreSQL", () => {
  it("lets one migrator at a time work: two at once both succeed and the second finds nothing pending", async () => {
    const url = testDatabaseUrl();
    const tables = tablesOfLastMigration("postgresql");
    await testDb().$executeRawUnsafe(`DROP TABLE ${tables.map((t) => `"${t}"`).join(", ")}`);
    await testDb().$executeRawUnsafe(`DELETE FROM _prisma_migrations WHERE migration_name = '${lastMigration}'`);
    const [first, second] = await Promise.all([migrateProcess(url), migrateProcess(url)]);
    expect([first.code, second.code]).toEqual([0, 0]);
    const rows = await testDb().$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM _prisma_migrations WHERE migration_name = '${lastMigration}'`,
    );
    expect(Number(rows[0].n)).toBe(1);
    const counted = await testDb().$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${tables[0]}"`);
    expect(Number(counted[0]!.n)).toBe(0);
    migrate(url); // and once more: nothing to do
  });
});
