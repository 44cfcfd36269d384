import type { DbOrTx } from "../db";

export function findLoginThrottle(db: DbOrTx, key: string) {
  return db.loginThrottle.findUnique({ where: { key } });
}

export function saveLoginThrottle(db: DbOrTx, key: string, failures: number, lockedUntil: Date | null) {
  return db.loginThrottle.upsert({
    where: { key },
    create: { key, failures, lockedUntil },
    update: { failures, lockedUntil },
  });
}

export function clearLoginThrottle(db: DbOrTx, key: string) {
  return db.loginThrottle.deleteMany({ where: { key } });
}
