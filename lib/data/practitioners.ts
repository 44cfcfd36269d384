import type { DbOrTx } from "../db";

export function findPractitionerByEmail(db: DbOrTx, email: string) {
  return db.practitioner.findUnique({ where: { email } });
}

export function findPractitionerById(db: DbOrTx, id: string) {
  return db.practitioner.findUnique({ where: { id }, select: { id: true, name: true, email: true, sessionVersion: true } });
}

export function createPractitioner(db: DbOrTx, data: { email: string; name: string; passwordHash: string }) {
  return db.practitioner.create({ data, select: { id: true, email: true, name: true } });
}

export function bumpSessionVersion(db: DbOrTx, id: string) {
  return db.practitioner.update({ where: { id }, data: { sessionVersion: { increment: 1 } }, select: { id: true } });
}
