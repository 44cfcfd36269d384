// Database tooling for both providers. Subcommands:
//   generate            render the provider schemas and generate both Prisma clients (postinstall)
//   migrate             apply the committed migrations to DATABASE_URL (SQLite by default)
//   new-migration NAME  write a migration for each provider from the schema source (development)
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync, readFileSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { databaseProvider, restrictSqliteFiles, sqliteUrl } from "../lib/db-url.mjs";
import { migratePostgresql, migrateSqlite } from "../lib/db-migrations.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const prismaCli = join(root, "node_modules", "prisma", "build", "index.js");
// The CLI validates `url = env("DATABASE_URL")` even for commands that never connect. SQLite's `migrate diff` still
// creates the (empty) file: in the system's temporary folder, not in the checkout's data folder, which is the app's.
const PLACEHOLDER_URL = {
  sqlite: `file:${join(tmpdir(), "parcella-prisma-placeholder.db")}`,
  postgresql: "postgresql://localhost/placeholder",
};

function prisma(provider, args, databaseUrl = PLACEHOLDER_URL[provider], options = {}) {
  return execFileSync(process.execPath, [prismaCli, ...args, "--config", join(root, `prisma.${provider}.config.ts`)], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
    stdio: options.capture ? ["ignore", "pipe", "inherit"] : "inherit",
    encoding: "utf8",
  });
}

// Safe while Parcella runs (lib/db-migrations.mjs says how): nothing pending → nothing done.
export function migrate(databaseUrl = process.env.DATABASE_URL) {
  const provider = databaseProvider(databaseUrl);
  if (provider === "sqlite") {
    const path = sqliteUrl(databaseUrl).slice("file:".length);
    migrateSqlite(root, path, (line) => console.log(line));
    restrictSqliteFiles(path);
    return;
  }
  // The advisory lock needs an asynchronous client: a child process keeps this function synchronous for callers.
  execFileSync(process.execPath, [fileURLToPath(import.meta.url), "migrate-postgresql"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "inherit",
  });
}

function generate() {
  execFileSync(process.execPath, [join(root, "scripts", "prisma-schemas.mjs")], { stdio: "inherit" });
  for (const provider of ["sqlite", "postgresql"]) prisma(provider, ["generate"]);
}

// Each provider's migrations folder keeps a snapshot of the schema they produce; a new migration is the diff
// from that snapshot to the current schema (a pure datamodel diff: no database, no shadow database needed).
export function snapshotPath(provider) {
  return join(root, "prisma", provider, "migrations", "schema.snapshot.prisma");
}

function newMigration(name) {
  if (!/^[a-z0-9_]+$/.test(name ?? "")) throw new Error("usage: npm run db:new-migration -- <snake_case_name>");
  generate();
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  for (const provider of ["sqlite", "postgresql"]) {
    const schema = join(root, "prisma", provider, "schema.prisma");
    const snapshot = snapshotPath(provider);
    const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
    // The PostgreSQL adapter connects even for a datamodel-only diff: give it a reachable server.
    const url =
      provider === "postgresql"
        ? process.env.PG_ADMIN_URL || "postgresql://postgres@127.0.0.1:5432/postgres"
        : undefined;
    const args = ["migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"];
    const sql = prisma(provider, args, url, { capture: true });
    if (!sql.trim() || sql.includes("This is an empty migration")) {
      console.log(`${provider}: no change`);
      continue;
    }
    const dir = join(root, "prisma", provider, "migrations", `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "migration.sql"), sql);
    writeFileSync(snapshot, readFileSync(schema, "utf8"));
    console.log(`${provider}: wrote ${dir}`);
  }
}

function main() {
  const [command, arg] = process.argv.slice(2);
  if (command === "generate") generate();
  else if (command === "migrate") migrate();
  else if (command === "migrate-postgresql") {
    const url = process.env.DATABASE_URL;
    void migratePostgresql(root, url, () => prisma("postgresql", ["migrate", "deploy"], url)).catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
  } else if (command === "new-migration") newMigration(arg);
  else {
    console.error("usage: node scripts/db.mjs generate | migrate | new-migration <name>");
    process.exit(2);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
