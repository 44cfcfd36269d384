// Applying the committed migrations safely while Parcella runs.
//
// SQLite: Prisma's schema engine opens the live file with its own locking and gives up with a "SocketTimeout"
// while the web app and the worker hold connections. Migrations are therefore applied here, with better-sqlite3:
// nothing pending → nothing touched; each pending migration runs in one IMMEDIATE transaction (waiting up to the
// busy timeout for the other writers, never failing at once) and is recorded in Prisma's own `_prisma_migrations`
// table, with Prisma's checksum, so `prisma migrate status`/`deploy` agree with what was done here.
//
// PostgreSQL: `prisma migrate deploy` under a session advisory lock of our own, so one process migrates at a time
// and the others find nothing pending once they get the lock.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";

const SQLITE_BUSY_TIMEOUT_MS = 60_000;

/** The committed migrations of a provider, oldest first: `{ name, sql, checksum }`. */
export function committedMigrations(root, provider) {
  const dir = join(root, "prisma", provider, "migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Names of committed migrations that the recorded rows do not mark as finished. */
export function pendingNames(committed, rows) {
  const finished = new Set(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name));
  return committed.filter((m) => !finished.has(m.name)).map((m) => m.name);
}

/** A migration that started and never finished must be looked at by a person, as Prisma's P3009 says. */
export function failedNames(rows) {
  return rows.filter((r) => !r.finished_at && !r.rolled_back_at).map((r) => r.migration_name);
}

const MIGRATIONS_TABLE_SQLITE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

function sqliteRows(sqlite) {
  const table = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
    .get();
  if (!table) return [];
  return sqlite.prepare('SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"').all();
}

/** The committed migrations not yet applied to the SQLite file at `path` (all of them for a new file). */
export function pendingSqliteMigrations(root, path) {
  const committed = committedMigrations(root, "sqlite");
  if (!existsSync(path)) return committed.map((m) => m.name);
  const sqlite = new Database(path, { readonly: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    return pendingNames(committed, sqliteRows(sqlite));
  } finally {
    sqlite.close();
  }
}

/** Applies the pending SQLite migrations to the file at `path`; returns the names applied (empty: nothing done). */
export function migrateSqlite(root, path, log = () => {}) {
  const committed = committedMigrations(root, "sqlite");
  const sqlite = new Database(path, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    // A read, no lock held: the common case (an up-to-date database) writes nothing at all.
    const rows = sqliteRows(sqlite);
    const failed = failedNames(rows);
    if (failed.length > 0) throw new Error(`migrazione interrotta in passato, da verificare: ${failed.join(", ")}`);
    if (pendingNames(committed, rows).length === 0) return [];
    // WAL lets the web app and the worker read while another connection writes (the mode is stored in the file).
    if (sqlite.pragma("journal_mode", { simple: true }) !== "wal") sqlite.pragma("journal_mode = WAL");
    // Table redefinitions (copy, drop, rename) must not cascade: SQLite only honours this outside a transaction.
    sqlite.pragma("foreign_keys = OFF");
    const applied = [];
    for (const migration of committed) {
      const done = sqlite.transaction(() => {
        sqlite.exec(MIGRATIONS_TABLE_SQLITE);
        // Re-read under the write lock: another process may have applied it while we waited.
        if (!pendingNames([migration], sqliteRows(sqlite)).length) return false;
        const startedAt = new Date().toISOString().replace("Z", "+00:00");
        sqlite.exec(migration.sql);
        const broken = sqlite.pragma("foreign_key_check");
        if (broken.length > 0) throw new Error(`${migration.name}: ${broken.length} righe con riferimenti rotti`);
        sqlite
          .prepare(
            'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)',
          )
          .run(
            randomUUID(),
            migration.checksum,
            new Date().toISOString().replace("Z", "+00:00"),
            migration.name,
            startedAt,
          );
        return true;
      });
      if (done.immediate()) {
        applied.push(migration.name);
        log(`migration applied: ${migration.name}`);
      }
    }
    return applied;
  } finally {
    sqlite.close();
  }
}

// Our own lock key (Prisma's migrate engine takes 72707369 on its own connection: a different key avoids waiting on
// ourselves). Any constant works as long as every Parcella process uses the same one.
const PG_MIGRATION_LOCK = 4_721_019;

/**
 * PostgreSQL: under the advisory lock, runs `deploy()` (Prisma's migrate deploy) only when something is pending.
 * Returns the names that were pending.
 */
export async function migratePostgresql(root, databaseUrl, deploy) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PG_MIGRATION_LOCK]);
    const { rows: tables } = await client.query("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present");
    const rows = tables[0].present
      ? (await client.query("SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations")).rows
      : [];
    const pending = pendingNames(committedMigrations(root, "postgresql"), rows);
    if (pending.length > 0) deploy();
    return pending;
  } finally {
    await client.query("SELECT pg_advisory_unlock_all()").catch(() => {});
    await client.end();
  }
}
