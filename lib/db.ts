import type BetterSqlite3 from "better-sqlite3";
import type { Pool } from "pg";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { sqliteUrl } from "./db-url.mjs";
import { attachDirectSql, postgresDirectSql, sqliteDirectSql } from "./data/direct-sql";
import type { Db } from "./db-types";
import { env } from "./env";

export type { Db, DbOrTx, Tx } from "./db-types";

export type DbOptions = {
  poolSize?: number;
  /** Limits of an interactive transaction (Prisma's defaults: 2 s to start, 5 s to finish). */
  transactionOptions?: { maxWait?: number; timeout?: number };
};

export function createDb(databaseUrl: string | undefined, options: DbOptions = {}): Db {
  if (!databaseUrl || databaseUrl.startsWith("file:")) {
    // `timeout` is SQLite's busy timeout: the web app and the worker share the file.
    const factory = new PrismaBetterSQLite3({ url: sqliteUrl(databaseUrl), timeout: 10_000 });
    beginImmediate(factory);
    const driver = driverOf<BetterSqlite3.Database>(factory);
    const client = new SqliteClient({ adapter: factory, transactionOptions: options.transactionOptions });
    attachDirectSql(
      client,
      sqliteDirectSql(() => driver.get(client)),
    );
    return client;
  }
  const factory = new PrismaPg({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
  const driver = driverOf<Pool>(factory);
  const client = new PostgresClient({
    adapter: factory,
    transactionOptions: options.transactionOptions,
  }) as unknown as Db;
  attachDirectSql(
    client,
    postgresDirectSql(() => driver.get(client)),
  );
  return client;
}

/**
 * Prisma's interactive transactions on SQLite start with a deferred BEGIN: one that reads, then writes after another
 * process (the worker, the web app) committed a write, fails with SQLITE_BUSY_SNAPSHOT instead of waiting (seen on a
 * credit note issued while the worker recorded an STS outcome). BEGIN IMMEDIATE takes the write lock at the start,
 * waiting up to the busy timeout, so a transaction never reads a snapshot it cannot write on. The direct statements
 * of lib/data/direct-sql.ts already run as immediate transactions.
 */
function beginImmediate(factory: { connect(): Promise<unknown> }) {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = (await connect()) as { client?: BetterSqlite3.Database };
    const client = adapter.client;
    if (!client) throw new Error("The database adapter no longer exposes its driver (lib/db.ts).");
    const prepare = client.prepare.bind(client);
    client.prepare = ((sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql)) as typeof client.prepare;
    return adapter;
  };
}

/**
 * The driver object (better-sqlite3 connection, pg pool) behind the adapter a factory connects, for the direct
 * statements of lib/data/direct-sql.ts: caught as Prisma connects, so both use the same connection or pool, and
 * caught again if Prisma reconnects after a $disconnect.
 */
function driverOf<T extends object>(factory: { connect(): Promise<unknown> }) {
  let driver: T | undefined;
  let disposed = true;
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = (await connect()) as { client?: T; dispose(): Promise<void> };
    if (!adapter.client) throw new Error("The database adapter no longer exposes its driver (lib/db.ts).");
    driver = adapter.client;
    disposed = false;
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = () => {
      disposed = true;
      return dispose();
    };
    return adapter;
  };
  return {
    async get(client: { $connect(): Promise<void> }): Promise<T> {
      if (disposed || !driver) await client.$connect();
      if (disposed || !driver) throw new Error("The database is not connected.");
      return driver;
    },
  };
}

const globalForDb = globalThis as unknown as { parcellaDb?: Db };

// One client per process (kept on globalThis so that Next's dev reloads don't open new pools).
export function db(): Db {
  globalForDb.parcellaDb ??= createDb(env().DATABASE_URL, { poolSize: env().PG_POOL_SIZE });
  return globalForDb.parcellaDb;
}
