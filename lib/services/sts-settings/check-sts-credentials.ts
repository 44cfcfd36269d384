import { AppError } from "../../app-error";
import type { DbOrTx } from "../../db";
import { saveExchanges } from "../../data/sts-exchanges";
import { findStsSettings, upsertStsSettings } from "../../data/sts-settings";
import { CERTIFICATE_REJECTED_CODE, describeStsCode, STS_CODES, type StsFix } from "../../sts/codes";
import type { StsCheckCredentialsResult, StsClient } from "../../sts/client/sts-client";
import { createClientFor, loadStsCredentials, type StsCredentialsPlain } from "../sts/sts-connection";

// The worker pauses through the same module that resumes, so the two halves of the rule live side by side.
export { pauseAutomaticSending } from "./pause-automatic-sending";
export { passwordExpiryStatus, type PasswordExpiryStatus } from "./password-expiry";

export const STS_UNREACHABLE_MESSAGE = "Servizio STS non raggiungibile, riprova più tardi.";

export type StsCredentialsCheck = {
  ok: boolean;
  kind: StsCheckCredentialsResult["kind"];
  /** Italian, for the practitioner; never contains a secret. */
  message: string;
  /** Where the practitioner fixes the problem (credentials, profile, …), null when there is nothing to fix. */
  fix: StsFix | null;
  code: string | null;
  checkedAt: Date;
  /** True when automatic sending was paused and this check resumed it. */
  resumed: boolean;
};

/**
 * "Verifica credenziali": a read-only EsitoInvii query with the stored credentials (nothing is sent to STS). Records
 * the redacted SOAP exchanges and the outcome; a passing check resumes automatic sending paused after an
 * authentication failure (docs/STS-TRANSMISSION.md, "Failures").
 */
export async function checkStsCredentials(options: {
  db: DbOrTx;
  practitionerId: string;
  now: Date;
  /** Injected by tests; defaults to the configured STS environment. */
  clientFor?: (credentials: StsCredentialsPlain) => Pick<StsClient, "checkCredentials">;
}): Promise<StsCredentialsCheck> {
  const { db, practitionerId, now } = options;
  const credentials = await loadStsCredentials(db, practitionerId);
  if (!credentials) {
    throw new AppError(
      "validation",
      "Salva prima codice fiscale, password e PIN del Sistema TS, poi verifica le credenziali.",
    );
  }
  const clientFor = options.clientFor ?? ((c: StsCredentialsPlain) => createClientFor(c, { db }));
  const result = await clientFor(credentials).checkCredentials();
  await saveExchanges(db, practitionerId, null, result.exchanges);

  const outcome = describeResult(result);
  const settings = await findStsSettings(db, practitionerId);
  const resumed = outcome.ok && Boolean(settings?.pausedAt);
  // A refusal found by the check is the same authentication failure the hourly run would hit: pause now rather than
  // let the next run fail for every invoice.
  const pause =
    result.kind === "credentials" &&
    result.code !== CERTIFICATE_REJECTED_CODE &&
    settings?.autoSend === true &&
    !settings.pausedAt;
  await upsertStsSettings(db, practitionerId, {
    lastCheckAt: now,
    lastCheckOk: outcome.ok,
    lastCheckMessage: outcome.message,
    ...(resumed ? { pausedAt: null, pausedReason: null } : {}),
    ...(pause ? { pausedAt: now, pausedReason: outcome.message } : {}),
  });
  return { ...outcome, kind: result.kind, checkedAt: now, resumed };
}

function describeResult(result: StsCheckCredentialsResult): {
  ok: boolean;
  message: string;
  fix: StsFix | null;
  code: string | null;
} {
  switch (result.kind) {
    case "ok":
      return {
        ok: true,
        message: "Credenziali verificate: il Sistema TS ha accettato utente, password e PIN.",
        fix: null,
        code: null,
      };
    case "transient":
      return { ok: false, message: STS_UNREACHABLE_MESSAGE, fix: "retry", code: result.code };
    case "credentials":
    case "permanent": {
      // Catalogue codes (wrong PIN, unknown user, …) get the catalogue's plain explanation; transport-level
      // refusals (HTTP 401, authentication fault) already carry an Italian message from the client.
      const known = result.code !== null && STS_CODES.has(result.code);
      const info = known ? describeStsCode(result.code!) : null;
      return {
        ok: false,
        message: info ? `${info.explanation} (codice ${info.code})` : result.message,
        fix: info?.fix ?? (result.kind === "credentials" ? "credentials" : "support"),
        code: result.code,
      };
    }
  }
}
/** What the "Verifica credenziali" button shows: plain data that crosses from the server action to the browser. */
export type CredentialsCheckResult = {
  ok: boolean;
  message: string;
  fix: string | null;
  checkedAt: string;
  resumed: boolean;
};
