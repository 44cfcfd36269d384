import { checkCertificateValidity } from "../crypto/certificate";
import type { StsConnectionOptions } from "../client/connection";
import {
  createStsClient,
  DEFAULT_TIMEOUTS,
  type StsCheckCredentialsResult,
  type StsCredentials,
} from "../client/sts-client";
import { describeStsCode } from "../codes";
import { serviceUrl } from "../environments";
import { checkNameResolution, probeConnection } from "./network";
import { skipped, step, type DoctorStep } from "./steps";

export type DoctorInput = {
  baseUrl: string;
  certificatePem: string;
  /** How the installation got the certificate, for the report ("installato il …", "incluso in Parcella"). */
  certificateOrigin?: string;
  /** Without credentials the user, password and PIN steps are skipped. */
  credentials: StsCredentials | null;
  connection?: StsConnectionOptions;
  /** For the credentials step (default: the client's "check" timeout). */
  checkTimeoutMs?: number;
  now?: () => Date;
};

export type DoctorReport = {
  ok: boolean;
  steps: DoctorStep[];
  firstFailure: DoctorStep | null;
  /** STS answered 002: it cannot decrypt with the certificate in use. */
  certificateRefused: boolean;
  /** STS decrypted and recognised the PIN: the certificate in use works. */
  pinAccepted: boolean;
};

const CONNECT_TIMEOUT_MS = 20_000;
const CLOCK_OK_SECONDS = 120;
const CLOCK_FAIL_SECONDS = 600;
const PIN_CODES = new Set(["104", "005"]);

/**
 * "Diagnostica STS": checks step by step what a first contact with STS needs — the host name, the connection and its
 * TLS chain, user and password, the PIN, the encryption certificate and the clock — without sending any document
 * (the credentials are checked with a read-only EsitoInvii query, as "Verifica credenziali" does). Each step says in
 * Italian what it found and, when something is wrong, what to do; a step that cannot run because an earlier one
 * failed is marked as skipped.
 */
export async function runStsDoctor(input: DoctorInput): Promise<DoctorReport> {
  const now = input.now ?? (() => new Date());
  const url = new URL(serviceUrl(input.baseUrl, "esitoInvii"));
  const steps: DoctorStep[] = [];

  const dns = await checkNameResolution(url);
  steps.push(dns);
  const probe =
    dns.status === "failed"
      ? null
      : await probeConnection(
          url,
          input.connection ?? {},
          Math.min(CONNECT_TIMEOUT_MS, input.checkTimeoutMs ?? Infinity),
        );
  steps.push(probe?.step ?? skipped("connection", "il nome del server non si risolve."));
  const reachable = probe?.step.status === "ok";

  let certificateRefused = false;
  if (!input.credentials) {
    steps.push(skipped("auth", "credenziali non indicate."), skipped("pin", "credenziali non indicate."));
  } else if (!reachable) {
    steps.push(skipped("auth", "il server non è raggiungibile."), skipped("pin", "il server non è raggiungibile."));
  } else {
    const client = createStsClient({
      baseUrl: input.baseUrl,
      certificatePem: input.certificatePem,
      credentials: input.credentials,
      connection: input.connection,
      timeouts: { check: input.checkTimeoutMs ?? DEFAULT_TIMEOUTS.check },
      now,
    });
    const result = await client.checkCredentials();
    certificateRefused = result.kind === "credentials" && result.code === "002";
    steps.push(...credentialSteps(result));
  }

  steps.push(certificateStep(input, now(), certificateRefused));
  steps.push(clockStep(probe?.serverDate ?? null, now()));
  const firstFailure = steps.find((s) => s.status === "failed") ?? null;
  const pinAccepted = steps.some((s) => s.id === "pin" && s.status === "ok");
  return { ok: firstFailure === null, steps, firstFailure, certificateRefused, pinAccepted };
}

function credentialSteps(result: StsCheckCredentialsResult): DoctorStep[] {
  if (result.kind === "ok") {
    return [
      step("auth", "ok", "Il Sistema TS ha accettato utente e password."),
      step("pin", "ok", "Il Sistema TS ha decifrato il PIN e lo ha riconosciuto."),
    ];
  }
  const code = result.code ?? "";
  if (result.kind === "credentials" && code === "002") {
    return [
      step("auth", "ok", "Il Sistema TS ha accettato utente e password."),
      step(
        "pin",
        "failed",
        `Il Sistema TS non riesce a decifrare il PIN (codice 002): il certificato di cifratura in uso non è quello che si aspetta.`,
        "Scarica il kit aggiornato dal portale Sistema TS e installa il suo SanitelCF.cer con «npm run sts -- install-certificate <file>» (docs/STS.md). Il PIN in sé non c'entra.",
      ),
    ];
  }
  if (result.kind === "credentials" && PIN_CODES.has(code)) {
    return [
      step("auth", "ok", "Il Sistema TS ha accettato utente e password."),
      step(
        "pin",
        "failed",
        `${describeStsCode(code).explanation} (codice ${code})`,
        "Copia di nuovo il PIN (PINCODE, 10 cifre) dal PDF nella tua area riservata del portale Sistema TS, salvalo nelle impostazioni STS e ripeti la diagnostica.",
      ),
    ];
  }
  const advice =
    result.kind === "credentials"
      ? "Usa come codice identificativo il tuo codice fiscale (non il nickname del portale) e la password attuale del portale Sistema TS; se è scaduta, cambiala sul portale e salvala qui."
      : result.code === "TIMEOUT"
        ? "Il Sistema TS non ha risposto in tempo. Può impiegare più di un minuto per rifiutare un accesso sbagliato: se succede sempre, controlla utente e password; altrimenti riprova più tardi."
        : result.kind === "transient"
          ? "Il problema sembra temporaneo: riprova tra qualche minuto."
          : "Se il problema continua, contatta l'assistenza con questo resoconto.";
  return [
    step("auth", "failed", result.message, advice),
    skipped("pin", "utente e password non sono stati accettati."),
  ];
}

function certificateStep(input: DoctorInput, now: Date, refused: boolean): DoctorStep {
  const validity = checkCertificateValidity(input.certificatePem, now);
  const origin = input.certificateOrigin ? ` (${input.certificateOrigin})` : "";
  const until = validity.validTo ? italianDay(validity.validTo) : "?";
  if (validity.status === "unreadable")
    return step("certificate", "failed", "Il certificato di cifratura non è leggibile.", INSTALL_ADVICE);
  if (refused)
    return step(
      "certificate",
      "failed",
      `Il Sistema TS rifiuta il certificato in uso${origin}, valido fino al ${until}.`,
      INSTALL_ADVICE,
    );
  if (validity.status === "expired")
    return step(
      "certificate",
      "warning",
      `Il certificato in uso${origin} è scaduto il ${until}. Gli invii continuano: finora il Sistema TS ha rinnovato il certificato mantenendo la stessa chiave.`,
      INSTALL_ADVICE,
    );
  if (validity.status === "expiring")
    return step(
      "certificate",
      "warning",
      `Il certificato in uso${origin} scade il ${until} (tra ${validity.daysLeft} giorni).`,
      INSTALL_ADVICE,
    );
  if (validity.status === "not_yet_valid")
    return step(
      "certificate",
      "warning",
      `Il certificato in uso${origin} sarà valido solo dal ${italianDay(validity.validFrom!)}.`,
      "Controlla data e ora di questo computer.",
    );
  return step("certificate", "ok", `Certificato in uso${origin}, valido fino al ${until}.`);
}

const INSTALL_ADVICE =
  "Quando il Sistema TS pubblica un kit con un certificato nuovo, installalo con «npm run sts -- install-certificate <file>» (docs/STS.md): non serve aggiornare Parcella.";

function clockStep(serverDate: Date | null, now: Date): DoctorStep {
  if (!serverDate) return skipped("clock", "il server non ha indicato la sua ora.");
  const skew = Math.round((now.getTime() - serverDate.getTime()) / 1000);
  const seconds = Math.abs(skew) === 1 ? "1 secondo" : `${Math.abs(skew)} secondi`;
  const detail = `Differenza con l'ora del server: ${seconds} ${skew >= 0 ? "avanti" : "indietro"}.`;
  if (Math.abs(skew) <= CLOCK_OK_SECONDS) return step("clock", "ok", detail);
  const advice =
    "Regola data e ora di questo computer (sincronizzazione automatica/NTP): l'ora sbagliata fa fallire i controlli TLS e sposta le date degli invii.";
  return step("clock", Math.abs(skew) <= CLOCK_FAIL_SECONDS ? "warning" : "failed", detail, advice);
}

function italianDay(date: Date): string {
  const [y, m, d] = date.toISOString().slice(0, 10).split("-");
  return `${d}/${m}/${y}`;
}
