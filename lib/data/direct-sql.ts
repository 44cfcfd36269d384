import { createHash } from "node:crypto";
import type BetterSqlite3 from "better-sqlite3";
import pg, { type Pool, type QueryResultRow } from "pg";
import type { DbOrTx } from "../db-types";
import { Prisma } from "../generated/sqlite/client";

// The worker's hand-written statements (lib/data/sts-documents.ts, sts-worker-sql.ts, sts-exchanges.ts,
// sts-settings.ts) run about ten times per batch of the hourly run and of the outcome polling. Through Prisma's
// $queryRaw each one also goes through the client runtime, its query compiler and the driver adapter, which
// re-prepares the statement on SQLite: about a third of the worker's CPU in a profile (docs/BENCHMARKS.md). On a
// client made by createDb they run on the driver Prisma itself uses — the same better-sqlite3 connection, the same
// pg pool — with SQLite's statements prepared once. Inside a transaction (and on any client createDb did not
// make) they still go through Prisma, on the transaction's connection.

/**
 * Runs statements on the driver: `query` returns the rows, `execute` the number of rows changed, and `together`
 * runs several as one unit (all or none, in one round trip on PostgreSQL) and returns the rows of the last.
 */
export type DirectSql = {
  query<T>(statement: Prisma.Sql): Promise<T[]>;
  execute(statement: Prisma.Sql): Promise<number>;
  together<T>(statements: Prisma.Sql[]): Promise<T[]>;
};

// On globalThis, like the client itself (lib/db.ts): Next bundles this module more than once in one process (its
// server-component and server-rendering layers, route handlers), and a map of one copy would not know a client
// made through another, so every statement of the app would silently take the slower path through Prisma.
const shared = globalThis as { parcellaDirectSql?: WeakMap<object, DirectSql> };
const attached = (shared.parcellaDirectSql ??= new WeakMap<object, DirectSql>());

export function attachDirectSql(db: object, sql: DirectSql): void {
  attached.set(db, sql);
}

/** The driver path of a client made by createDb (or given one with attachDirectSql); undefined for others. */
export function directSqlOf(db: object): DirectSql | undefined {
  return attached.get(db);
}

/** The rows of a hand-written query, on the driver when `db` has a driver path, else through Prisma. */
export function queryRows<T>(db: DbOrTx, statement: Prisma.Sql): Promise<T[]> {
  const direct = attached.get(db);
  return direct ? direct.query<T>(statement) : db.$queryRaw<T[]>(statement);
}

/** Runs a hand-written statement that returns no rows; the number of rows it changed. */
export function executeSql(db: DbOrTx, statement: Prisma.Sql): Promise<number> {
  const direct = attached.get(db);
  return direct ? direct.execute(statement) : db.$executeRaw(statement);
}

/**
 * Runs `statements` as one unit, all or none, and returns the rows of the last one. They must be independent:
 * none may read what another writes (on PostgreSQL they are one statement, the first ones as data-modifying WITH
 * clauses, all seeing the database as it was before it), and the last one must not begin with WITH.
 */
export async function queryTogether<T>(db: DbOrTx, statements: Prisma.Sql[]): Promise<T[]> {
  if (statements.length === 1) return queryRows<T>(db, statements[0]!);
  const direct = attached.get(db);
  if (direct) return direct.together<T>(statements);
  const last = statements.length - 1;
  if ("$transaction" in db) {
    const results = await db.$transaction(
      statements.map((statement, i) => (i === last ? db.$queryRaw<T[]>(statement) : db.$executeRaw(statement))),
    );
    return results[last] as T[];
  }
  // A transaction's client: its statements are already all or none.
  for (const statement of statements.slice(0, last)) await db.$executeRaw(statement);
  return db.$queryRaw<T[]>(statements[last]!);
}

// Distinct statement texts vary with the length of IN lists and VALUES tables (1 to 50 items): a few hundred.
const MAX_PREPARED = 1000;

/**
 * SQLite: statements prepared once per connection and kept. Values are bound as Prisma's adapter binds them
 * (dates as ISO 8601 text with "+00:00", booleans as 0/1), so what one path writes the other reads and compares
 * alike; integers come back as numbers.
 */
export function sqliteDirectSql(connection: () => Promise<BetterSqlite3.Database>): DirectSql {
  let current: BetterSqlite3.Database | undefined;
  const prepared = new Map<string, BetterSqlite3.Statement>();
  const statementFor = async (text: string) => {
    const db = await connection();
    if (db !== current) {
      prepared.clear();
      current = db;
    }
    let statement = prepared.get(text);
    if (!statement) {
      if (prepared.size >= MAX_PREPARED) prepared.clear();
      statement = db.prepare(text);
      statement.safeIntegers(false);
      prepared.set(text, statement);
    }
    return statement;
  };
  const rowsOf = (statement: BetterSqlite3.Statement, sql: Prisma.Sql): unknown[] => {
    const values = sql.values.map(sqliteValue);
    if (statement.reader) return statement.all(values);
    statement.run(values);
    return [];
  };
  return {
    async query<T>(sql: Prisma.Sql) {
      return rowsOf(await statementFor(sql.sql), sql) as T[];
    },
    async execute(sql: Prisma.Sql) {
      const statement = await statementFor(sql.sql);
      return statement.run(sql.values.map(sqliteValue)).changes;
    },
    async together<T>(sqls: Prisma.Sql[]) {
      const statements: BetterSqlite3.Statement[] = [];
      for (const sql of sqls) statements.push(await statementFor(sql.sql));
      // BEGIN IMMEDIATE (the write lock first, waiting as the busy timeout allows); a savepoint when the
      // connection is already in a transaction.
      const run = current!.transaction(() => statements.map((statement, i) => rowsOf(statement, sqls[i]!)).at(-1));
      return run.immediate() as T[];
    },
  };
}

function sqliteValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) return Buffer.from(value);
  return value;
}

/** The name a statement is prepared under on a PostgreSQL connection: the same text, the same name. */
export function preparedStatementName(text: string): string {
  return `parcella_${createHash("sha256").update(text).digest("base64url").slice(0, 24)}`;
}

/**
 * PostgreSQL: the pool Prisma's adapter uses. Each statement is a named prepared statement, parsed and planned once
 * per connection instead of at every call (a list render's statements cost PostgreSQL 10 ms of CPU unnamed, 6 ms
 * named: docs/BENCHMARKS.md); `preparedStatements: false` (PG_PREPARED_STATEMENTS=false) sends them unnamed, for a
 * connection pooler that does not keep prepared statements per server connection. Dates are sent as UTC
 * "yyyy-MM-dd HH:mm:ss.SSS" (the columns are timestamps without time zone, holding UTC, as Prisma writes them) and
 * timestamps read back as UTC.
 */
export function postgresDirectSql(
  connection: () => Promise<Pool>,
  options: { preparedStatements?: boolean } = {},
): DirectSql {
  const prepared = options.preparedStatements ?? true;
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (!name) {
      name = preparedStatementName(text);
      if (names.size < MAX_PREPARED) names.set(text, name);
    }
    return name;
  };
  const run = async (sql: Prisma.Sql) => {
    const pool = await connection();
    return pool.query<QueryResultRow>({
      name: prepared ? nameOf(sql.text) : undefined,
      text: sql.text,
      values: sql.values.map(postgresValue),
      types: { getTypeParser },
    });
  };
  return {
    async query<T>(sql: Prisma.Sql) {
      return (await run(sql)).rows as T[];
    },
    async execute(sql: Prisma.Sql) {
      return (await run(sql)).rowCount ?? 0;
    },
    async together<T>(sqls: Prisma.Sql[]) {
      const steps = sqls.slice(0, -1).map((sql, i) => Prisma.sql`${Prisma.raw(`"step${i}"`)} AS (${sql})`);
      const last = sqls.at(-1)!;
      return (await run(steps.length ? Prisma.sql`WITH ${Prisma.join(steps, ", ")} ${last}` : last)).rows as T[];
    },
  };
}

function postgresValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString().replace("T", " ").replace("Z", "");
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) return Buffer.from(value);
  return value;
}

const TIMESTAMP_OID = 1114;
const parseUtcTimestamp = (text: string) => new Date(text.replace(" ", "T") + "Z");

// pg's parsers, except timestamps without time zone, which it would read as local time.
const getTypeParser = ((oid: number, format?: "text" | "binary") =>
  oid === TIMESTAMP_OID && format !== "binary"
    ? parseUtcTimestamp
    : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser;
