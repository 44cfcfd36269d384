import type { DbOrTx } from "../db";

export function findTwoFactor(db: DbOrTx, practitionerId: string) {
  return db.twoFactor.findUnique({ where: { practitionerId } });
}

/** A new enrolment (or a fresh start of one not yet confirmed): the sealed secret, not enabled yet. */
export function upsertPendingTwoFactor(db: DbOrTx, practitionerId: string, secretEnc: string) {
  return db.twoFactor.upsert({
    where: { practitionerId },
    create: { practitionerId, secretEnc },
    update: { secretEnc, enabledAt: null, lastStep: null },
  });
}

/** Confirms a pending enrolment (only if it is still the one read) and stores its recovery codes' hashes. */
export async function enableTwoFactor(
  db: DbOrTx,
  options: { practitionerId: string; secretEnc: string; step: number; now: Date; codeHashes: string[] },
): Promise<boolean> {
  const { count } = await db.twoFactor.updateMany({
    where: { practitionerId: options.practitionerId, secretEnc: options.secretEnc, enabledAt: null },
    data: { enabledAt: options.now, lastStep: options.step },
  });
  if (count !== 1) return false;
  await db.twoFactorRecoveryCode.deleteMany({ where: { practitionerId: options.practitionerId } });
  for (const codeHash of options.codeHashes) {
    await db.twoFactorRecoveryCode.create({ data: { practitionerId: options.practitionerId, codeHash } });
  }
  return true;
}

/**
 * Records the time step of an accepted code, only if it is after the last one recorded (compare-and-set): of two
 * logins racing with the same code, one wins. Returns whether this one did.
 */
export async function recordTotpStep(db: DbOrTx, practitionerId: string, step: number): Promise<boolean> {
  const { count } = await db.twoFactor.updateMany({
    where: { practitionerId, enabledAt: { not: null }, OR: [{ lastStep: null }, { lastStep: { lt: step } }] },
    data: { lastStep: step },
  });
  return count === 1;
}

/** Marks a recovery code used, if it is this account's and unused (one conditional update: usable once). */
export async function spendRecoveryCode(db: DbOrTx, practitionerId: string, codeHash: string, now: Date) {
  const { count } = await db.twoFactorRecoveryCode.updateMany({
    where: { practitionerId, codeHash, usedAt: null },
    data: { usedAt: now },
  });
  return count === 1;
}

export function countUnusedRecoveryCodes(db: DbOrTx, practitionerId: string) {
  return db.twoFactorRecoveryCode.count({ where: { practitionerId, usedAt: null } });
}

export function deleteTwoFactor(db: DbOrTx, practitionerId: string) {
  return db.twoFactor.deleteMany({ where: { practitionerId } });
}

/** The email (the throttle's key) and password hash of an account, to re-check them before turning 2FA off. */
export function findAccountCredentials(db: DbOrTx, practitionerId: string) {
  return db.practitioner.findUnique({ where: { id: practitionerId }, select: { email: true, passwordHash: true } });
}
