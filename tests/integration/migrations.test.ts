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

function isAddedColumn(update: string, columns: [table: string, column: string][]): boolean {
  const [, table, column] = /^UPDATE "([^"]+)" SET "([^"]+)"/.exec(update)!;
  return columns.some(([t, c]) => t === table && c === column);
}

/**
 * How to take a database back to before the last migration, whichever it is: its new tables dropped, its new columns
 * and indexes on older tables dropped (what it wrote into a new column goes with it), the indexes it dropped made
 * again as the earlier migration that made them wrote them. `probe` is a query that works only once the migration is
 * applied (a migration of indexes alone: it counts what is not yet as the migration leaves it, 0 once applied). A
 * migration that does anything else (drops a table or a column, rewrites a table) cannot be undone this way: the
 * tests say so. A migration of comments alone on one provider has nothing to undo there.
 */
function undoLastMigration(provider: "sqlite" | "postgresql"): { statements: string[]; probe: string } {
  const sql = readFileSync(join(root, "prisma", provider, "migrations", lastMigration, "migration.sql"), "utf8");
  const tables: string[] = [];
  const columns: [table: string, column: string][] = [];
  const indexes: string[] = [];
  const constraints: [table: string, name: string][] = [];
  const droppedIndexes: string[] = [];
  for (const statement of statementsOf(sql)) {
    const table = /^CREATE TABLE "([^"]+)"/.exec(statement)?.[1];
    const index = /^CREATE (?:UNIQUE )?INDEX "([^"]+)"/.exec(statement)?.[1];
    const dropped = /^DROP INDEX "([^"]+)"$/.exec(statement)?.[1];
    if (dropped) {
      droppedIndexes.push(dropped);
      continue;
    }
    const altered = /^ALTER TABLE "([^"]+)"\s+ADD COLUMN/.exec(statement)?.[1];
    const constraint = /^ALTER TABLE "([^"]+)" ADD CONSTRAINT "([^"]+)"/.exec(statement);
    if (table && !table.startsWith("new_")) tables.push(table);
    else if (constraint) {
      // A key of a table this migration creates goes with the table; one added to an older table is dropped.
      if (!tables.includes(constraint[1]!)) constraints.push([constraint[1]!, constraint[2]!]);
    } else if (index) indexes.push(index);
    else if (altered && !/\b(DROP|ALTER COLUMN|RENAME)\b/.test(statement))
      for (const m of statement.matchAll(/ADD COLUMN\s+"([^"]+)"/g)) columns.push([altered, m[1]!]);
    // Filling a column this migration adds: undone with the column.
    else if (/^UPDATE "([^"]+)" SET "([^"]+)"/.test(statement) && isAddedColumn(statement, columns)) continue;
    else
      throw new Error(`${lastMigration} does more than add tables, columns and indexes: give these tests one to undo`);
  }
  const statements = [
    ...constraints.map(([t, c]) => `ALTER TABLE "${t}" DROP CONSTRAINT "${c}"`),
    ...indexes.map((i) => `DROP INDEX IF EXISTS "${i}"`),
    ...droppedIndexes.map((i) => earlierIndexDefinition(provider, i)),
    ...columns.map(([t, c]) => `ALTER TABLE "${t}" DROP COLUMN "${c}"`),
    ...tables.map((t) => `DROP TABLE "${t}"`),
  ];
  if (tables[0]) return { statements, probe: `SELECT count(*) AS n FROM "${tables[0]}"` };
  if (columns[0]) return { statements, probe: `SELECT count("${columns[0][1]}") AS n FROM "${columns[0][0]}"` };
  const exists = (name: string) =>
    provider === "sqlite"
      ? `(SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '${name}')`
      : `(SELECT count(*) FROM pg_indexes WHERE indexname = '${name}')`;
  const wrong = [...indexes.map((i) => `(1 - ${exists(i)})`), ...droppedIndexes.map(exists)];
  // A migration with nothing to do on this provider (the other one's index, say): only its record is undone.
  if (wrong.length === 0) return { statements, probe: "SELECT 0 AS n" };
  return { statements, probe: `SELECT ${wrong.join(" + ")} AS n` };
}

/** A migration's statements, without their comment lines. */
function statementsOf(sql: string): string[] {
  return sql
    .split(";")
    .map((raw) => raw.replace(/^\s*--.*$/gm, "").trim())
    .filter((statement) => statement !== "");
}

/** The CREATE INDEX statement of the last migration before the last one that made the index `name`. */
function earlierIndexDefinition(provider: "sqlite" | "postgresql", name: string): string {
  const made = committedMigrations(root, provider)
    .filter((m) => m.name < lastMigration)
    .flatMap((m) => statementsOf(m.sql))
    .filter((statement) => statement.startsWith(`CREATE INDEX "${name}" `))
    .at(-1);
  if (!made) throw new Error(`${lastMigration} drops the index ${name}, which no earlier migration made`);
  return made;
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
    const undo = undoLastMigration("sqlite");
    const admin = new Database(path);
    for (const statement of undo.statements) admin.exec(statement);
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
    const counted = await app.$queryRawUnsafe<{ n: bigint | number }[]>(undo.probe);
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
    const undo = undoLastMigration("postgresql");
    for (const statement of undo.statements) await testDb().$executeRawUnsafe(statement);
    await testDb().$executeRawUnsafe(`DELETE FROM _prisma_migrations WHERE migration_name = '${lastMigration}'`);
    const [first, second] = await Promise.all([migrateProcess(url), migrateProcess(url)]);
    expect([first.code, second.code]).toEqual([0, 0]);
    const rows = await testDb().$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM _prisma_migrations WHERE migration_name = '${lastMigration}'`,
    );
    expect(Number(rows[0].n)).toBe(1);
    const counted = await testDb().$queryRawUnsafe<{ n: bigint }[]>(undo.probe);
    expect(Number(counted[0]!.n)).toBe(0);
    migrate(url); // and once more: nothing to do
  });
});
