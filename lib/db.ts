import type BetterSqlite3 from "better-sqlite3";
import pg, { type Pool } from "pg";
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
  /** PostgreSQL: the hand-written statements as named prepared statements (lib/data/direct-sql.ts); default true. */
  preparedStatements?: boolean;
  /** Limits of an interactive transaction (Prisma's defaults: 2 s to start, 5 s to finish). */
  transactionOptions?: { maxWait?: number; timeout?: number };
};

export function createDb(databaseUrl: string | undefined, options: DbOptions = {}): Db {
  if (!databaseUrl || databaseUrl.startsWith("file:")) {
    // `timeout` is SQLite's busy timeout: the web app and the worker share the file.
    const adapter = new SqliteAdapter({ url: sqliteUrl(databaseUrl), timeout: 10_000 });
    const client = new SqliteClient({ adapter, transactionOptions: options.transactionOptions });
    attachDirectSql(
      client,
      sqliteDirectSql(() => adapter.connectionOf(client)),
    );
    return client;
  }
  const adapter = postgresAdapter({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
  const client = new PostgresClient({ adapter, transactionOptions: options.transactionOptions }) as unknown as Db;
  attachDirectSql(
    client,
    postgresDirectSql(() => adapter.poolOf(client), { preparedStatements: options.preparedStatements }),
  );
  return client;
}

type Connectable = { $connect(): Promise<void> };

/**
 * SQLite: Prisma's adapter opens its own better-sqlite3 connection at every connect, and offers neither a way to
 * hand it ours nor a hook on it. The connection is the adapter's `client` field, outside its typed API: taken here,
 * in this one place, checked at every connect (and by tests/integration/db-driver.test.ts, which fails if the
 * adapter changes shape) for two uses:
 * - the direct statements of lib/data/direct-sql.ts run on it, so they share Prisma's connection (and its lock);
 * - Prisma's interactive transactions begin IMMEDIATE. Its deferred BEGIN lets a transaction that reads, then writes
 *   after another process (the worker, the web app) committed a write, fail with SQLITE_BUSY_SNAPSHOT instead of
 *   waiting (seen on a credit note issued while the worker recorded an STS outcome); BEGIN IMMEDIATE takes the write
 *   lock first, waiting up to the busy timeout. The direct statements already run as immediate transactions.
 */
class SqliteAdapter extends PrismaBetterSQLite3 {
  #connection: BetterSqlite3.Database | undefined;

  override async connect() {
    const adapter = await super.connect();
    const connection = (adapter as { client?: Partial<BetterSqlite3.Database> }).client;
    if (typeof connection?.prepare !== "function" || typeof connection.open !== "boolean") {
      throw new Error("The SQLite adapter no longer exposes its better-sqlite3 connection as `client` (lib/db.ts).");
    }
    const prepare = connection.prepare.bind(connection);
    connection.prepare = ((sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql)) as typeof prepare;
    this.#connection = connection as BetterSqlite3.Database;
    return adapter;
  }

  /** Prisma's current connection, connecting (again, after a $disconnect closed it) when there is none. */
  async connectionOf(client: Connectable): Promise<BetterSqlite3.Database> {
    if (!this.#connection?.open) await client.$connect();
    if (!this.#connection?.open) throw new Error("The database is not connected.");
    return this.#connection;
  }
}

type PostgresAdapter = Pick<PrismaPg, "provider" | "adapterName" | "connect" | "connectToShadowDb"> & {
  poolOf(client: Connectable): Promise<Pool>;
};

/**
 * PostgreSQL: the pool is ours. Prisma's adapter takes a pg.Pool (PrismaPg's documented first argument), so the
 * direct statements use the pool Prisma uses without reaching into the adapter. Every connect makes a new pool,
 * which the adapter ends on $disconnect (disposeExternalPool): a client used again after $disconnect reconnects,
 * as it would with a pool of Prisma's own, and a closed client leaves no connection open.
 */
function postgresAdapter(config: pg.PoolConfig): PostgresAdapter {
  const template = new PrismaPg(config);
  let pool: Pool | undefined;
  return {
    provider: template.provider,
    adapterName: template.adapterName,
    connect() {
      pool = new pg.Pool(config);
      return new PrismaPg(pool, { disposeExternalPool: true }).connect();
    },
    connectToShadowDb: () => template.connectToShadowDb(),
    /** Prisma's current pool, connecting (again, after a $disconnect ended it) when there is none. */
    async poolOf(client: Connectable): Promise<Pool> {
      if (!pool || pool.ending) await client.$connect();
      if (!pool || pool.ending) throw new Error("The database is not connected.");
      return pool;
    },
  };
}

const globalForDb = globalThis as unknown as { parcellaDb?: Db };

// One client per process (kept on globalThis so that Next's dev reloads don't open new pools).
export function db(): Db {
  globalForDb.parcellaDb ??= createDb(env().DATABASE_URL, {
    poolSize: env().PG_POOL_SIZE,
    preparedStatements: env().PG_PREPARED_STATEMENTS,
  });
  return globalForDb.parcellaDb;
}
