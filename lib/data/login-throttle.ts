import type { DbOrTx } from "../db";

export function findLoginThrottle(db: DbOrTx, key: string) {
  return db.loginThrottle.findUnique({ where: { key } });
}

/** Creates the email's row when missing (two requests racing to create it: the unique key decides, both go on). */
export async function ensureLoginThrottle(db: DbOrTx, key: string) {
  try {
    await db.loginThrottle.create({ data: { key } });
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
  }
}

/**
 * Compare-and-set: counts one more attempt (and one more password check) only if nobody else counted one since
 * `failures` was read. One UPDATE … WHERE failures = ?: of concurrent attempts that read the same value exactly
 * one succeeds, so no count is lost. Returns whether this attempt won.
 */
export async function reserveLoginAttempt(db: DbOrTx, key: string, failures: number, lockedUntil: Date | null) {
  const { count } = await db.loginThrottle.updateMany({
    where: { key, failures },
    data: { failures: failures + 1, lockedUntil, checks: { increment: 1 } },
  });
  return count === 1;
}

/** After a successful login: the failures and the lock are forgotten (the count of checks is kept). */
export function clearLoginFailures(db: DbOrTx, key: string) {
  return db.loginThrottle.updateMany({ where: { key }, data: { failures: 0, lockedUntil: null } });
}

/** The number of password checks that ran for an email (tests and the benchmark read it). */
export async function passwordChecksFor(db: DbOrTx, key: string): Promise<number> {
  return (await findLoginThrottle(db, key))?.checks ?? 0;
}
