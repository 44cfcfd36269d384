import { CREDENTIAL_CODES, describeStsCode, type StsCodeInfo } from "../codes";
import { child, childText, findFirst, parseXml, type XmlNode } from "../xml";
import type { StsExchange } from "./exchange";
import type { SoapCallOutcome } from "./soap-transport";
import { explainTlsError, isTlsErrorCode } from "./tls-errors";

export type StsFailureKind = "credentials" | "transient" | "permanent";

/** A call that did not produce a business answer. `message` is Italian and never contains a secret. */
export type StsFailure = {
  kind: StsFailureKind;
  code: string | null;
  message: string;
  info: StsCodeInfo | null;
  exchanges: StsExchange[];
};

// What .NET clients print when STS answers something that is not a SOAP message, reported by practitioners to mean
// in practice that the portal's nickname was used instead of the codice fiscale, or that the password expired.
const MTOM_READER = /lettore per il messaggio MTOM/i;
export const AUTH_FAILURE_MESSAGE =
  "Il Sistema TS ha rifiutato utente o password (errore generico di autenticazione). Controlla che il codice identificativo sia il tuo codice fiscale (non il nickname del portale) e che la password non sia scaduta.";
export const MTOM_READER_MESSAGE =
  "Il Sistema TS ha risposto «Errore nella creazione di un lettore per il messaggio MTOM»: nonostante il testo, non è un problema del file. Quasi sempre come codice identificativo è stato usato il nickname del portale invece del codice fiscale, oppure la password è scaduta. Usa il codice fiscale (lascia vuoto il codice identificativo) e, se serve, cambia la password sul portale Sistema TS.";

export function failure(
  kind: StsFailureKind,
  message: string,
  exchanges: StsExchange[],
  code: string | null = null,
): StsFailure {
  return { kind, code, message, info: code ? describeStsCode(code) : null, exchanges };
}

/** Failure for an STS business code (upload codiceEsito, esitiNegativi, sync messages). */
export function codeFailure(code: string, description: string, exchanges: StsExchange[]): StsFailure {
  const info = describeStsCode(code, description);
  const kind: StsFailureKind = CREDENTIAL_CODES.has(code)
    ? "credentials"
    : info.fix === "retry"
      ? "transient"
      : "permanent";
  return { kind, code, message: `${info.explanation} (codice ${code})`, info, exchanges };
}

export type ParsedResponse = { ok: true; body: XmlNode } | { ok: false; failure: StsFailure };

/**
 * Turns what came over the wire into either the SOAP Body to read, or a classified failure:
 * network/timeouts/5xx/malformed → transient; auth faults and 401/403 → credentials; anything else → permanent.
 */
export function readSoapResponse(outcome: SoapCallOutcome, exchanges: StsExchange[]): ParsedResponse {
  const fail = (kind: StsFailureKind, message: string, code: string | null = null): ParsedResponse => ({
    ok: false,
    failure: failure(kind, message, exchanges, code),
  });
  if (outcome.timedOut)
    return fail("transient", "Il Sistema TS non ha risposto in tempo. Si riproverà più tardi.", "TIMEOUT");
  if (outcome.networkError) {
    const { code } = outcome.networkError;
    if (isTlsErrorCode(code)) {
      const tls = explainTlsError(code);
      return fail("permanent", tls.message, tls.code);
    }
    return fail("transient", `Connessione al Sistema TS non riuscita (${code}). Si riproverà più tardi.`, code);
  }
  const status = outcome.httpStatus ?? 0;
  if (status === 401 || status === 403)
    return fail(
      "credentials",
      "Il Sistema TS ha rifiutato le credenziali: controllare utente e password.",
      `HTTP${status}`,
    );
  let envelope: XmlNode | null = null;
  try {
    envelope = outcome.body ? parseXml(outcome.body) : null;
  } catch {
    envelope = null;
  }
  const body = envelope?.name === "Envelope" ? child(envelope, "Body") : undefined;
  if (outcome.body && MTOM_READER.test(outcome.body)) return fail("credentials", MTOM_READER_MESSAGE, "MTOM_READER");
  const fault = findFirst(body, "Fault");
  if (fault) {
    const faultcode = childText(fault, "faultcode") ?? "";
    const faultstring = childText(fault, "faultstring") ?? "";
    if (/autenticazione|authenticat|password|credenzial/i.test(faultstring)) {
      return fail("credentials", AUTH_FAILURE_MESSAGE, "AUTH");
    }
    if (/Server$/i.test(faultcode) || (status >= 500 && !/Client$/i.test(faultcode))) {
      return fail("transient", `Errore temporaneo del Sistema TS: ${faultstring}`.trim(), "SOAP_FAULT");
    }
    return fail("permanent", `Richiesta rifiutata dal Sistema TS: ${faultstring}`.trim(), "SOAP_FAULT");
  }
  if (status >= 500)
    return fail(
      "transient",
      `Il Sistema TS ha risposto con un errore (HTTP ${status}). Si riproverà più tardi.`,
      `HTTP${status}`,
    );
  if (status !== 200 && status !== 202)
    return fail("permanent", `Risposta inattesa dal Sistema TS (HTTP ${status}).`, `HTTP${status}`);
  if (!body || body.children.length === 0) {
    return fail("transient", "Risposta del Sistema TS illeggibile. Si riproverà più tardi.", "MALFORMED");
  }
  return { ok: true, body };
}

/** A readable response without the element we expected is as good as malformed: retry later. */
export function malformed(exchanges: StsExchange[]): StsFailure {
  return failure(
    "transient",
    "Risposta del Sistema TS incompleta o illeggibile. Si riproverà più tardi.",
    exchanges,
    "MALFORMED",
  );
}
