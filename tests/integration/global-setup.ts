import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrate } from "../../scripts/db.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseProvider: "sqlite" | "postgresql";
  }
}

// Each run gets a database of its own, migrated with the committed migrations, and drops it at the end.
export default async function setup(project: TestProject) {
  const provider = process.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";
  if (provider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "parcella-it-"));
    const url = `file:${join(dir, "test.db")}`;
    migrate(url);
    project.provide("databaseUrl", url);
    project.provide("databaseProvider", provider);
    return () => rmSync(dir, { recursive: true, force: true });
  }
  const adminUrl = process.env.TEST_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `parcella_it_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  migrate(url.toString());
  project.provide("databaseUrl", url.toString());
  project.provide("databaseProvider", provider);
  return async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  };
}
