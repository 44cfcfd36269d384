import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { sqliteUrl } from "../scripts/db-url.mjs";
import { env } from "./env";

// Both generated clients come from one schema source (prisma/schema.source.prisma) and the code uses only what
// both providers support, so the SQLite client's type describes either.
export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export function createDb(databaseUrl: string | undefined, options: { poolSize?: number } = {}): Db {
  if (!databaseUrl || databaseUrl.startsWith("file:")) {
    // `timeout` is SQLite's busy timeout: the web app and the worker share the file.
    return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: sqliteUrl(databaseUrl), timeout: 10_000 }) });
  }
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
  return new PostgresClient({ adapter }) as unknown as Db;
}

const globalForDb = globalThis as unknown as { parcellaDb?: Db };

// One client per process (kept on globalThis so that Next's dev reloads don't open new pools).
export function db(): Db {
  globalForDb.parcellaDb ??= createDb(env().DATABASE_URL, { poolSize: env().PG_POOL_SIZE });
  return globalForDb.parcellaDb;
}
