import { readFileSync } from "node:fs";
import type { DbOrTx } from "../../db";
import { decryptionKeys, env } from "../../env";
import { openSecretWithAny } from "../../crypto/secret-box";
import { findStsSecrets, type StsSecrets } from "../../data/sts-settings";
import { getStsEnvironment } from "../../sts/environments";
import { createStsClient, DEFAULT_TIMEOUTS, type StsClient, type StsTimeouts } from "../../sts/client/sts-client";
import type { Limiter } from "./pool";
import { currentStsCertificate, noteCertificateResult, type CurrentStsCertificate } from "./sts-certificate";

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

/** The per-operation timeouts configured (docs/STS.md, "Timeouts"); unset ones take the client's defaults. */
export function stsTimeouts(): Partial<StsTimeouts> {
  const e = env();
  const all = e.STS_TIMEOUT_MS;
  const pick = (value: number | undefined) => value ?? all;
  const timeouts: Partial<StsTimeouts> = {
    upload: pick(e.STS_TIMEOUT_UPLOAD_MS),
    outcome: pick(e.STS_TIMEOUT_OUTCOME_MS),
    receipts: pick(e.STS_TIMEOUT_RECEIPTS_MS),
    document: pick(e.STS_TIMEOUT_DOCUMENT_MS),
    query: pick(e.STS_TIMEOUT_QUERY_MS),
    check: pick(e.STS_TIMEOUT_CHECK_MS),
  };
  for (const key of Object.keys(timeouts) as (keyof StsTimeouts)[])
    if (timeouts[key] === undefined) delete timeouts[key];
  return timeouts;
}

/** The timeout each kind of STS call actually gets here: the configured ones over the client's defaults. */
export function effectiveStsTimeouts(): StsTimeouts {
  return { ...DEFAULT_TIMEOUTS, ...stsTimeouts() };
}

let caCache: { path: string; pem: string } | null = null;

/** The extra CA bundle of STS_CA_FILE (read once per process: a new bundle takes a restart). */
export function stsExtraCa(): string | undefined {
  const path = env().STS_CA_FILE;
  if (!path) return undefined;
  if (caCache?.path !== path) caCache = { path, pem: readFileSync(path, "utf8") };
  return caCache.pem;
}

/**
 * The STS client for one practitioner's credentials, as configured for this installation: the environment's URL,
 * the encryption certificate in use now (read again before each operation: sts-certificate.ts), the extra CA bundle
 * and the per-operation timeouts. Every result is also noted against the certificate it used (002 pauses sending
 * for the installation; a good answer lifts that pause).
 */
export function createClientFor(
  credentials: StsCredentialsPlain,
  options: { db: DbOrTx; timeoutMs?: number; limit?: Limiter },
): StsClient {
  const { db } = options;
  let used: CurrentStsCertificate | null = null;
  const client = createStsClient({
    baseUrl: stsEnvironment().baseUrl,
    certificatePem: async () => {
      used = await currentStsCertificate(db);
      return used.pem;
    },
    credentials,
    timeoutMs: options.timeoutMs,
    timeouts: options.timeoutMs ? undefined : stsTimeouts(),
    connection: { extraCaPem: stsExtraCa() },
    limit: options.limit,
  });
  const noted =
    <A extends unknown[], R extends { kind: string; code?: string | null }>(method: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const result = await method(...args);
      if (used) await noteCertificateResult(db, used, result, new Date());
      return result;
    };
  return {
    uploadFile: noted(client.uploadFile),
    getOutcome: noted(client.getOutcome),
    getErrorDetail: noted(client.getErrorDetail),
    getReceipt: noted(client.getReceipt),
    sendDocument: noted(client.sendDocument),
    checkCredentials: noted(client.checkCredentials),
    queryDocument: noted(client.queryDocument),
    getMonthlyReport: noted(client.getMonthlyReport),
    getCitizenReport: noted(client.getCitizenReport),
    getCitizenReports: noted(client.getCitizenReports),
  };
}
