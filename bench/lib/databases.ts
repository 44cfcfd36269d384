// Throwaway benchmark databases: SQLite files under /tmp and PostgreSQL databases named parcella_bench_…, migrated
// with the committed migrations once per provider and then cloned (file copy / CREATE DATABASE … TEMPLATE), so a
// fresh database per run costs a fraction of a second. Everything is dropped at the end.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { migrate } from "../../scripts/db.mjs";

export type Provider = "sqlite" | "postgresql";

export const PG_ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

// Benchmarks talk to loopback only.
function assertLoopback(url: string) {
  const host = new URL(url).hostname;
  if (host !== "127.0.0.1" && host !== "localhost" && host !== "::1")
    throw new Error(`refusing non-loopback database host ${host}`);
}

async function adminQuery(sql: string) {
  assertLoopback(PG_ADMIN_URL);
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function pgUrl(name: string) {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export type BenchDatabase = { provider: Provider; url: string; drop(): Promise<void> };

export class DatabaseFactory {
  private dir = mkdtempSync(join(tmpdir(), "parcella-bench-"));
  private tag = `${process.pid}_${Date.now().toString(36)}`;
  private templates = new Map<Provider, string>();
  private created: BenchDatabase[] = [];
  private counter = 0;

  private template(provider: Provider): Promise<string> | string {
    const existing = this.templates.get(provider);
    if (existing) return existing;
    return (async () => {
      if (provider === "sqlite") {
        const path = join(this.dir, "template.db");
        migrate(`file:${path}`);
        this.templates.set(provider, path);
        return path;
      }
      const name = `parcella_bench_${this.tag}_template`;
      await adminQuery(`CREATE DATABASE ${name}`);
      migrate(pgUrl(name));
      this.templates.set(provider, name);
      return name;
    })();
  }

  /** A fresh, migrated, empty database. */
  async create(provider: Provider, label: string): Promise<BenchDatabase> {
    const template = await this.template(provider);
    const id = `${label}_${++this.counter}`.replace(/[^a-z0-9_]/gi, "_").toLowerCase();
    let db: BenchDatabase;
    if (provider === "sqlite") {
      const path = join(this.dir, `${id}.db`);
      copyFileSync(template, path); // WAL mode is stored in the file header, copied with it
      db = { provider, url: `file:${path}`, drop: async () => rmSync(path, { force: true }) };
      for (const suffix of ["-wal", "-shm"]) rmSync(path + suffix, { force: true });
    } else {
      const name = `parcella_bench_${this.tag}_${id}`;
      await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      db = {
        provider,
        url: pgUrl(name),
        drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      };
    }
    this.created.push(db);
    return db;
  }

  async dropAll() {
    for (const db of this.created.splice(0)) await db.drop().catch(() => {});
    const template = this.templates.get("postgresql");
    if (template) await adminQuery(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => {});
    this.templates.clear();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
