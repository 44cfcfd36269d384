import type { DbOrTx } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { queryRows } from "./direct-sql";

export function findPractitionerByEmail(db: DbOrTx, email: string) {
  return db.practitioner.findUnique({ where: { email } });
}

export type SessionAccount = { id: string; name: string; email: string; sessionVersion: number };

// Every authenticated request reads this to check its session (lib/auth/session.ts): hand-written, on the driver,
// it skips Prisma's query compiler, which costs more than the read itself.
export async function findPractitionerById(db: DbOrTx, id: string): Promise<SessionAccount | null> {
  const [row] = await queryRows<SessionAccount>(
    db,
    Prisma.sql`SELECT "id", "name", "email", "sessionVersion" FROM "Practitioner" WHERE "id" = ${id}`,
  );
  return row ? { ...row, sessionVersion: Number(row.sessionVersion) } : null;
}

export function createPractitioner(db: DbOrTx, data: { email: string; name: string; passwordHash: string }) {
  return db.practitioner.create({ data, select: { id: true, email: true, name: true } });
}

export function bumpSessionVersion(db: DbOrTx, id: string) {
  return db.practitioner.update({ where: { id }, data: { sessionVersion: { increment: 1 } }, select: { id: true } });
}
