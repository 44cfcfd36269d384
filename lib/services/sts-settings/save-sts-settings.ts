import type { DbOrTx } from "../../db";
import { sealSecret } from "../../crypto/secret-box";
import { findStsSettings, upsertStsSettings } from "../../data/sts-settings";
import { encryptionKey } from "../../env";
import { makeStsSettingsSchema, stsSecretWarnings, stsUsernameWarnings } from "../../schemas/sts-settings";
import { parseInput } from "../../schemas/validation";
import { refreshStsState } from "../sts/refresh-sts-state";

export type SaveStsSettingsResult = {
  /** Non-blocking advice per field (trimmed spaces, characters STS refuses, a nickname); never contains the secrets. */
  warnings: Record<string, string[]>;
  /** True when user, CF, password or PIN changed: the credentials must be verified again. */
  credentialsChanged: boolean;
};

/**
 * Saves the STS settings of one practitioner. Password and PIN are write-only: an empty field keeps the stored value,
 * a new one is encrypted at rest. Changed credentials lose their "verified" mark; a pause of automatic sending stays
 * until a check passes.
 */
export async function saveStsSettings(options: {
  db: DbOrTx;
  practitionerId: string;
  input: unknown;
  now?: Date;
}): Promise<SaveStsSettingsResult> {
  const now = options.now ?? new Date();
  const stored = await findStsSettings(options.db, options.practitionerId);
  const schema = makeStsSettingsSchema({
    today: now,
    hasPassword: Boolean(stored?.passwordEnc),
    hasPincode: Boolean(stored?.pincodeEnc),
  });
  const data = parseInput(schema, options.input);

  const credentialsChanged =
    data.password !== null ||
    data.pincode !== null ||
    data.cfTitolare !== stored?.cfTitolare ||
    data.username !== stored?.username;
  const key = data.password !== null || data.pincode !== null ? encryptionKey() : null;
  await upsertStsSettings(options.db, options.practitionerId, {
    cfTitolare: data.cfTitolare,
    username: data.username,
    ...(data.password !== null && key ? { passwordEnc: sealSecret(data.password, key), passwordSetAt: now } : {}),
    ...(data.pincode !== null && key ? { pincodeEnc: sealSecret(data.pincode, key), pincodeSetAt: now } : {}),
    autoSend: data.autoSend,
    autoSendFrom: data.autoSendFrom,
    passwordValidityDays: data.passwordValidityDays,
    ...(credentialsChanged ? { lastCheckOk: null, lastCheckMessage: null } : {}),
  });
  // Configured credentials change which documents are eligible (grey "configura le credenziali" → yellow).
  if (credentialsChanged) await refreshStsState(options.db, { practitionerId: options.practitionerId, now });
  const warnings = {
    ...stsSecretWarnings(inputSecrets(options.input)),
    ...stsUsernameWarnings({ username: data.username, cfTitolare: data.cfTitolare }),
  };
  return { warnings, credentialsChanged };
}

function inputSecrets(input: unknown): { password?: string; pincode?: string } {
  const record = (input ?? {}) as Record<string, unknown>;
  return {
    password: typeof record.password === "string" ? record.password : undefined,
    pincode: typeof record.pincode === "string" ? record.pincode : undefined,
  };
}
