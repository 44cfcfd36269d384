// Shared by the Prisma CLI configs and lib/env.ts: which database a DATABASE_URL means.
import { mkdirSync } from "node:fs";
import { resolve, dirname } from "node:path";

export function dataDir() {
  return resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || "./data");
}

export function databaseProvider(url = process.env.DATABASE_URL) {
  if (!url || url.startsWith("file:")) return "sqlite";
  if (url.startsWith("postgresql://") || url.startsWith("postgres://")) return "postgresql";
  throw new Error("DATABASE_URL must be empty, file:<path> or postgresql://…");
}

// The SQLite file: DATABASE_URL=file:<path>, else <DATA_DIR>/parcella.db. Its folder is created on demand.
export function sqliteUrl(url = process.env.DATABASE_URL) {
  const path =
    url && url.startsWith("file:")
      ? resolve(/*turbopackIgnore: true*/ url.slice("file:".length))
      : resolve(/*turbopackIgnore: true*/ dataDir(), "parcella.db");
  mkdirSync(dirname(path), { recursive: true });
  return `file:${path}`;
}
