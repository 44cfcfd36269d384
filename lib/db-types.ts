import type { PrismaClient as SqliteClient } from "./generated/sqlite/client";

// Both generated clients come from one schema source (prisma/schema.source.prisma) and the code uses only what
// both providers support, so the SQLite client's type describes either.
export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;
