import type { Db } from "../../db";
import { countUnusedRecoveryCodes, findTwoFactor } from "../../data/two-factor";

export type TwoFactorStatus = { enabled: false } | { enabled: true; enabledAt: Date; recoveryCodesLeft: number };

export async function getTwoFactorStatus(options: { db: Db; practitionerId: string }): Promise<TwoFactorStatus> {
  const twoFactor = await findTwoFactor(options.db, options.practitionerId);
  if (!twoFactor?.enabledAt) return { enabled: false };
  return {
    enabled: true,
    enabledAt: twoFactor.enabledAt,
    recoveryCodesLeft: await countUnusedRecoveryCodes(options.db, options.practitionerId),
  };
}
