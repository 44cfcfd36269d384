// Online backup and restore of the embedded SQLite database.
//   npm run db:backup -- [file]    copy the live database (the app may keep running: SQLite's backup API)
//   npm run db:restore -- <file>   put a backup in place (stop Parcella first): a plain copy, or one of the worker's
//                                  encrypted backups (*.db.enc, opened with the backup key)
//   npm run db:restore -- --list   the encrypted backups in the backup folder, newest first
//   npm run db:restore -- latest   the newest of them
// PostgreSQL: use pg_dump / pg_restore (README "Backups").
import Database from "better-sqlite3";
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { sqliteUrl, dataDir } from "./db-url.mjs";
import { openBackup } from "../lib/backup/backup-file";
import { listBackups } from "../lib/backup/backup-folder";
import { backupDir, backupKey } from "../lib/env";

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
  mkdirSync(dirname(target), { recursive: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    await db.backup(target); // consistent snapshot while other connections keep writing
  } finally {
    db.close();
  }
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
  for (const suffix of ["-wal", "-shm"]) if (existsSync(target + suffix)) rmSync(target + suffix);
  renameSync(staging, target);
  return target;
}

async function main() {
  const [command, file] = process.argv.slice(2);
  if (command === "backup") console.log(`backup written: ${await backupSqlite({ to: file })}`);
  else if (command === "restore" && file === "--list") {
    const backups = listBackups(backupDir());
    if (backups.length === 0) console.log(`no encrypted backups in ${backupDir()}`);
    for (const backup of backups) console.log(`${backup.at.toISOString()}  ${backup.file}`);
  } else if (command === "restore" && file) {
    const from = file === "latest" ? listBackups(backupDir())[0]?.file : file;
    if (!from) throw new Error(`no encrypted backups in ${backupDir()}`);
    const restored = from.endsWith(".db.enc")
      ? restoreEncryptedSqlite({ from, key: backupKey() })
      : restoreSqlite({ from });
    console.log(`restored ${from} into ${restored}`);
  } else {
    console.error("usage: npm run db:backup -- [file] | npm run db:restore -- <file> | latest | --list");
    process.exit(2);
  }
}

if (process.argv[1] && /backup-sqlite\.ts$/.test(process.argv[1]))
  void main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
