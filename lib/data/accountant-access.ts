import type { DbOrTx } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { queryRows } from "./direct-sql";

const PERSON = { select: { id: true, name: true, email: true } } as const;

export function createAccountantInvitation(
  db: DbOrTx,
  data: { practitionerId: string; tokenHash: string; expiresAt: Date },
) {
  return db.accountantAccess.create({ data, select: { id: true, expiresAt: true } });
}

export function findAccessByTokenHash(db: DbOrTx, tokenHash: string) {
  return db.accountantAccess.findUnique({ where: { tokenHash }, include: { practitioner: PERSON } });
}

/** Single use under concurrency: only the first caller finds the invitation still open and binds it. */
export async function claimInvitation(
  db: DbOrTx,
  options: { id: string; accountantId: string; now: Date },
): Promise<boolean> {
  const { count } = await db.accountantAccess.updateMany({
    where: { id: options.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: options.now } },
    data: { accountantId: options.accountantId, acceptedAt: options.now },
  });
  return count === 1;
}

/** The access an accountant may use right now: accepted, not revoked, and theirs. */
export function findLiveAccess(db: DbOrTx, options: { id: string; accountantId: string }) {
  return db.accountantAccess.findFirst({
    where: { id: options.id, accountantId: options.accountantId, acceptedAt: { not: null }, revokedAt: null },
    select: { id: true, practitioner: PERSON },
  });
}

export function findLiveAccessesOfAccountant(db: DbOrTx, accountantId: string) {
  return db.accountantAccess.findMany({
    where: { accountantId, acceptedAt: { not: null }, revokedAt: null },
    orderBy: { acceptedAt: "asc" },
    select: { id: true, acceptedAt: true, practitioner: PERSON },
  });
}

/** Whether the account follows any practice as an accountant: asked by the app's layout on every page. */
export async function hasLiveAccessAsAccountant(db: DbOrTx, accountantId: string): Promise<boolean> {
  const rows = await queryRows<{ one: number }>(
    db,
    Prisma.sql`SELECT 1 AS "one" FROM "AccountantAccess"
      WHERE "accountantId" = ${accountantId} AND "acceptedAt" IS NOT NULL AND "revokedAt" IS NULL LIMIT 1`,
  );
  return rows.length > 0;
}

/** The practitioner's invitations still open and accesses still live (revoked and expired ones are history). */
export function findAccessesOfPractitioner(db: DbOrTx, options: { practitionerId: string; now: Date }) {
  return db.accountantAccess.findMany({
    where: {
      practitionerId: options.practitionerId,
      revokedAt: null,
      OR: [{ acceptedAt: { not: null } }, { expiresAt: { gt: options.now } }],
    },
    orderBy: { createdAt: "asc" },
    select: { id: true, createdAt: true, expiresAt: true, acceptedAt: true, accountant: PERSON },
  });
}

export async function revokeAccessOf(
  db: DbOrTx,
  options: { id: string; practitionerId: string; now: Date },
): Promise<boolean> {
  const { count } = await db.accountantAccess.updateMany({
    where: { id: options.id, practitionerId: options.practitionerId, revokedAt: null },
    data: { revokedAt: options.now },
  });
  return count === 1;
}
