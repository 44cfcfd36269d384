// Online copy and restore of the embedded SQLite database (SQLite's backup API; the app may keep running while it
// copies). The command line is scripts/backup-sqlite.ts.
import Database from "better-sqlite3";
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { sqliteUrl, dataDir, restrictSqliteFiles } from "../db-url.mjs";
import { openBackup } from "./backup-file";

function databasePath(url = process.env.DATABASE_URL): string {
  if (url && !url.startsWith("file:"))
    throw new Error("db:backup/db:restore are for SQLite; for PostgreSQL use pg_dump/pg_restore");
  return sqliteUrl(url).slice("file:".length);
}

function checkIntegrity(path: string) {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`integrity check failed for ${path}: ${String(result)}`);
    db.prepare('SELECT count(*) AS n FROM "_prisma_migrations"').get();
  } finally {
    db.close();
  }
}

export async function backupSqlite(options: { to?: string; databaseUrl?: string } = {}): Promise<string> {
  const source = databasePath(options.databaseUrl);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const target = options.to ?? join(dataDir(), "backups", `parcella-${stamp}.db`);
  // Backups hold every patient's data: their folder 0700 and each file 0600, like the database itself.
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  const db = new Database(source, { fileMustExist: true });
  try {
    await db.backup(target); // consistent snapshot while other connections keep writing
  } finally {
    db.close();
  }
  restrictSqliteFiles(target);
  checkIntegrity(target);
  return target;
}

/** Restores one of the worker's encrypted backups: decrypted next to the database, checked, then put in place. */
export function restoreEncryptedSqlite(options: { from: string; key: Buffer; databaseUrl?: string }): string {
  const target = databasePath(options.databaseUrl);
  const plain = `${target}.decrypted`;
  writeFileSync(plain, openBackup(readFileSync(options.from), options.key), { mode: 0o600 });
  try {
    return restoreSqlite({ from: plain, databaseUrl: options.databaseUrl });
  } finally {
    rmSync(plain, { force: true });
  }
}

export function restoreSqlite(options: { from: string; databaseUrl?: string }): string {
  if (!existsSync(options.from)) throw new Error(`backup not found: ${options.from}`);
  checkIntegrity(options.from);
  const target = databasePath(options.databaseUrl);
  const staging = `${target}.restoring`;
  copyFileSync(options.from, staging);
  restrictSqliteFiles(staging);
  for (const suffix of ["-wal", "-shm"]) if (existsSync(target + suffix)) rmSync(target + suffix);
  renameSync(staging, target);
  return target;
}
