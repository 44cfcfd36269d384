import type { DbOrTx } from "../../db";
import { decryptionKeys, env } from "../../env";
import { openSecretWithAny } from "../../crypto/secret-box";
import { findStsSecrets, type StsSecrets } from "../../data/sts-settings";
import { getStsEnvironment } from "../../sts/environments";
import { createStsClient, type StsClient } from "../../sts/client/sts-client";
import type { Limiter } from "./pool";

export type StsCredentialsPlain = { username: string; password: string; pincode: string; cfProprietario: string };

export function stsEnvironment() {
  const e = env();
  return getStsEnvironment(e.STS_ENVIRONMENT, e.STS_SIMULATOR_URL);
}

// The practitioner's STS credentials, decrypted only here and only for the call about to be made.
export async function loadStsCredentials(db: DbOrTx, practitionerId: string): Promise<StsCredentialsPlain | null> {
  return openStsCredentials(await findStsSecrets(db, practitionerId));
}

/** The credentials in settings just read (decrypted), or null when some are missing. */
export function openStsCredentials(settings: StsSecrets | null): StsCredentialsPlain | null {
  if (!settings?.cfTitolare || !settings.passwordEnc || !settings.pincodeEnc) return null;
  const keys = decryptionKeys();
  return {
    username: settings.username || settings.cfTitolare,
    password: openSecretWithAny(settings.passwordEnc, keys),
    pincode: openSecretWithAny(settings.pincodeEnc, keys),
    cfProprietario: settings.cfTitolare,
  };
}

export function createClientFor(
  credentials: StsCredentialsPlain,
  options: { timeoutMs?: number; limit?: Limiter } = {},
): StsClient {
  const environment = stsEnvironment();
  return createStsClient({
    baseUrl: environment.baseUrl,
    certificatePem: environment.certificatePem,
    credentials,
    timeoutMs: options.timeoutMs ?? env().STS_TIMEOUT_MS,
    limit: options.limit,
  });
}
