// Shared by the Prisma CLI configs and lib/env.ts: which database a DATABASE_URL means.
import { chmodSync, existsSync, mkdirSync } from "node:fs";
import { resolve, dirname } from "node:path";

export function dataDir() {
  return resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || "./data");
}

export function databaseProvider(url = process.env.DATABASE_URL) {
  if (!url || url.startsWith("file:")) return "sqlite";
  if (url.startsWith("postgresql://") || url.startsWith("postgres://")) return "postgresql";
  throw new Error("DATABASE_URL must be empty, file:<path> or postgresql://…");
}

// The data folder holds the database, its backups and the secrets: only the user running Parcella may enter it
// (0700), whatever the umask; an existing one is tightened too.
export function ensureDataDir(dir = dataDir()) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  return dir;
}

// A SQLite database file and its -wal/-shm companions: readable by the owner only (0600). SQLite creates the
// companions with the main file's mode, so this holds for the ones it makes later.
export function restrictSqliteFiles(path) {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(/*turbopackIgnore: true*/ file)) chmodSync(/*turbopackIgnore: true*/ file, 0o600);
  }
}

// The SQLite file: DATABASE_URL=file:<path>, else <DATA_DIR>/parcella.db. Its folder is created on demand (the
// data folder with mode 0700; a folder of the administrator's choice is created 0700 but an existing one is kept).
export function sqliteUrl(url = process.env.DATABASE_URL) {
  const path =
    url && url.startsWith("file:")
      ? resolve(/*turbopackIgnore: true*/ url.slice("file:".length))
      : resolve(/*turbopackIgnore: true*/ ensureDataDir(), "parcella.db");
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  return `file:${path}`;
}
