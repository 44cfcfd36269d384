import type { DbOrTx } from "../../db";
import { findStsSettings } from "../../data/sts-settings";
import { env } from "../../env";
import { passwordExpiryStatus, type PasswordExpiryStatus } from "./password-expiry";

/** The STS settings as pages may show them: the encrypted secrets never leave the service, only when they were set. */
export type StsSettingsView = {
  cfTitolare: string | null;
  username: string | null;
  passwordSetAt: Date | null;
  pincodeSetAt: Date | null;
  autoSend: boolean;
  autoSendFrom: string | null;
  pausedAt: Date | null;
  pausedReason: string | null;
  lastCheckAt: Date | null;
  lastCheckOk: boolean | null;
  lastCheckMessage: string | null;
  /** As the practitioner set it; null means the installation default (`validityDays`). */
  passwordValidityDays: number | null;
  validityDays: number;
  passwordExpiry: PasswordExpiryStatus | null;
  /** CF, password and PIN are all stored. */
  complete: boolean;
};

export async function getStsSettingsView(options: {
  db: DbOrTx;
  practitionerId: string;
  today: Date;
}): Promise<StsSettingsView> {
  const s = await findStsSettings(options.db, options.practitionerId);
  const validityDays = s?.passwordValidityDays ?? env().STS_PASSWORD_VALIDITY_DAYS;
  const passwordSetAt = s?.passwordSetAt ?? null;
  return {
    cfTitolare: s?.cfTitolare ?? null,
    username: s?.username ?? null,
    passwordSetAt,
    pincodeSetAt: s?.pincodeSetAt ?? null,
    autoSend: s?.autoSend ?? false,
    autoSendFrom: s?.autoSendFrom ?? null,
    pausedAt: s?.pausedAt ?? null,
    pausedReason: s?.pausedReason ?? null,
    lastCheckAt: s?.lastCheckAt ?? null,
    lastCheckOk: s?.lastCheckOk ?? null,
    lastCheckMessage: s?.lastCheckMessage ?? null,
    passwordValidityDays: s?.passwordValidityDays ?? null,
    validityDays,
    passwordExpiry: passwordSetAt ? passwordExpiryStatus({ passwordSetAt, validityDays, today: options.today }) : null,
    complete: Boolean(s?.cfTitolare && s.passwordEnc && s.pincodeEnc),
  };
}
