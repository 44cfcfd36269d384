import { copyFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { migrate } from "../../scripts/db.mjs";

// One migrated template per run and provider; every test file gets its own copy of it, so files share nothing
// and may run in parallel. SQLite copies the template file; PostgreSQL clones it with CREATE DATABASE … TEMPLATE.

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
  migrate(databaseUrl(adminUrl, template));
  return { provider: "postgresql", adminUrl, template, prefix };
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
