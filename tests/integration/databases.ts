import { copyFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import pg from "pg";
import { committedMigrations } from "../../lib/db-migrations.mjs";
import { migrate } from "../../scripts/db.mjs";

// One migrated template per run and provider; every test file gets its own copy of it, so files share nothing
// and may run in parallel. SQLite copies the template file; PostgreSQL clones it with CREATE DATABASE … TEMPLATE.

const ROOT = join(__dirname, "../..");

export type TemplateDatabase =
  | { provider: "sqlite"; templateFile: string; dir: string }
  | { provider: "postgresql"; adminUrl: string; template: string; prefix: string };

export function createSqliteTemplate(dir: string): TemplateDatabase {
  const templateFile = join(dir, "template.db");
  // migrate() leaves the file in WAL mode and closed, so the file alone is the whole database.
  migrate(`file:${templateFile}`);
  return { provider: "sqlite", templateFile, dir };
}

export async function createPostgresTemplate(adminUrl: string): Promise<TemplateDatabase> {
  const prefix = `parcella_it_${process.pid}_${Date.now().toString(36)}`;
  const template = `${prefix}_template`;
  await adminQuery(adminUrl, `CREATE DATABASE ${template}`);
  await applyMigrations(databaseUrl(adminUrl, template));
  return { provider: "postgresql", adminUrl, template, prefix };
}

// Prisma's bookkeeping table, as `prisma migrate deploy` creates it on PostgreSQL.
const MIGRATIONS_TABLE_POSTGRESQL = `CREATE TABLE "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/**
 * The template's migrations, applied on one connection: each committed migration's SQL in a transaction of its own,
 * recorded with Prisma's checksum, so `prisma migrate status`/`deploy` find the template up to date. The same SQL as
 * `migrate()`, without the schema engine's start-up and its pauses between migrations (most of the suite's first
 * seconds, spent waiting). The app's own path, `prisma migrate deploy` under the advisory lock, is tested by
 * migrations.test.ts.
 */
async function applyMigrations(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(MIGRATIONS_TABLE_POSTGRESQL);
    for (const migration of committedMigrations(ROOT, "postgresql")) {
      await client.query("BEGIN");
      await client.query(migration.sql);
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
         VALUES ($1, $2, now(), $3, now(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
      await client.query("COMMIT");
    }
  } finally {
    await client.end();
  }
}

/** A fresh copy of the template for one test file: its database URL. */
export async function cloneTemplate(template: TemplateDatabase, label: string): Promise<string> {
  const suffix = `${label.replace(/[^a-z0-9]+/gi, "_").toLowerCase()}_${Math.random().toString(36).slice(2, 8)}`;
  if (template.provider === "sqlite") {
    const file = join(template.dir, `${suffix}.db`);
    copyFileSync(template.templateFile, file);
    return `file:${file}`;
  }
  const name = `${template.prefix}_${suffix}`.slice(0, 63);
  await adminQuery(template.adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template.template}`);
  return databaseUrl(template.adminUrl, name);
}

/** Drops the template and every copy made from it (PostgreSQL; SQLite's files go with their folder). */
export async function dropPostgresDatabases(adminUrl: string, prefix: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [prefix],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(adminUrl: string, sql: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
