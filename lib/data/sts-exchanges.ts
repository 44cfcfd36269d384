import type { DbOrTx } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { executeSql } from "./direct-sql";
import type { StsExchange as RecordedExchange } from "../sts/client/exchange";
import { newId } from "./sts-worker-sql";

// Stores the redacted SOAP traffic of a call (the client already removed passwords, PINs and ciphertexts), in one
// insert (hand-written SQL: it runs on every batch and poll, see lib/data/sts-documents.ts).
export function saveExchanges(
  db: DbOrTx,
  practitionerId: string,
  submissionId: string | null,
  exchanges: RecordedExchange[],
): Promise<number> {
  const statement = exchangesInsert(practitionerId, submissionId, exchanges);
  return statement ? executeSql(db, statement) : Promise.resolve(0);
}

/** The statement that stores these exchanges; null when there are none. */
export function exchangesInsert(
  practitionerId: string,
  submissionId: string | null,
  exchanges: RecordedExchange[],
): Prisma.Sql | null {
  if (exchanges.length === 0) return null;
  const now = new Date();
  const rows = exchanges.map(
    (
      e,
    ) => Prisma.sql`(${newId()}, ${submissionId}, ${practitionerId}, ${e.operation}, ${e.url}, ${e.httpStatus ?? null},
      ${Math.round(e.durationMs)}, ${e.request}, ${e.response ?? ""}, ${now})`,
  );
  return Prisma.sql`
    INSERT INTO "StsExchange" ("id", "submissionId", "practitionerId", "operation", "url", "httpStatus", "durationMs",
      "request", "response", "createdAt")
    VALUES ${Prisma.join(rows, ", ")}`;
}
