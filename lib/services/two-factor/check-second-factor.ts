import type { Db } from "../../db";
import { openSecretWithAny } from "../../crypto/secret-box";
import { decryptionKeys } from "../../env";
import { hashRecoveryCode, looksLikeRecoveryCode } from "../../auth/recovery-codes";
import { checkTotp } from "../../auth/totp";
import { findTwoFactor, recordTotpStep, spendRecoveryCode } from "../../data/two-factor";

export async function hasTwoFactor(db: Db, practitionerId: string): Promise<boolean> {
  return Boolean((await findTwoFactor(db, practitionerId))?.enabledAt);
}

/**
 * Checks a code of an account with two-factor authentication on: a 6-digit code of the authenticator app (each
 * accepted once: its time step must come after the last one accepted) or one of the recovery codes (each usable
 * once). Returns which kind was used, or null. The caller throttles the attempts.
 */
export async function checkSecondFactor(options: {
  db: Db;
  practitionerId: string;
  code: string;
  now: Date;
}): Promise<"totp" | "recovery" | null> {
  const { db, practitionerId, code, now } = options;
  const twoFactor = await findTwoFactor(db, practitionerId);
  if (!twoFactor?.enabledAt) return null;
  if (looksLikeRecoveryCode(code)) {
    return (await spendRecoveryCode(db, practitionerId, hashRecoveryCode(code), now)) ? "recovery" : null;
  }
  const secret = openSecretWithAny(twoFactor.secretEnc, decryptionKeys());
  const step = await checkTotp({ secret, code, now, afterStep: twoFactor.lastStep });
  if (step === null) return null;
  return (await recordTotpStep(db, practitionerId, step)) ? "totp" : null;
}
