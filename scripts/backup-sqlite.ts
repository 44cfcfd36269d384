// Online backup and restore of the embedded SQLite database.
//   npm run db:backup -- [file]    copy the live database (the app may keep running: SQLite's backup API)
//   npm run db:restore -- <file>   put a backup in place (stop Parcella first)
// PostgreSQL: use pg_dump / pg_restore (README "Backups").
import Database from "better-sqlite3";
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { sqliteUrl, dataDir, restrictSqliteFiles } from "./db-url.mjs";

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

export function restoreSqlite(options: { from: string; databaseUrl?: string }): string {
  checkIntegrity(options.from);
  const target = databasePath(options.databaseUrl);
  const staging = `${target}.restoring`;
  copyFileSync(options.from, staging);
  restrictSqliteFiles(staging);
  for (const suffix of ["-wal", "-shm"]) if (existsSync(target + suffix)) rmSync(target + suffix);
  renameSync(staging, target);
  return target;
}

async function main() {
  const [command, file] = process.argv.slice(2);
  if (command === "backup") console.log(`backup written: ${await backupSqlite({ to: file })}`);
  else if (command === "restore" && file) console.log(`restored into ${restoreSqlite({ from: file })}`);
  else {
    console.error("usage: npm run db:backup -- [file] | npm run db:restore -- <file>");
    process.exit(2);
  }
}

if (process.argv[1] && /backup-sqlite\.ts$/.test(process.argv[1]))
  void main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
