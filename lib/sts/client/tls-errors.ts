/** A TLS failure explained: what went wrong with the secure connection and what to do about it, in Italian. */
export type TlsProblem = { code: string; message: string };

const UNTRUSTED = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "CERT_UNTRUSTED",
  "CERT_SIGNATURE_FAILURE",
]);
const EXPIRED = new Set(["CERT_HAS_EXPIRED", "CERT_NOT_YET_VALID"]);
const HOSTNAME = new Set(["ERR_TLS_CERT_ALTNAME_INVALID", "HOSTNAME_MISMATCH"]);

/** Whether a Node network error code belongs to the TLS layer. */
export function isTlsErrorCode(code: string): boolean {
  return UNTRUSTED.has(code) || EXPIRED.has(code) || HOSTNAME.has(code) || /CERT|ERR_TLS|ERR_SSL|EPROTO/.test(code);
}

/**
 * Classifies a TLS error code (Node's) into one of four causes with its remedy. The code returned is ours
 * (TLS_UNTRUSTED, TLS_EXPIRED, TLS_HOSTNAME, TLS_HANDSHAKE); Node's code is quoted in the message for support.
 * A TLS failure happens before any byte of the request is sent: STS never saw the call.
 */
export function explainTlsError(nodeCode: string): TlsProblem {
  if (UNTRUSTED.has(nodeCode)) {
    return {
      code: "TLS_UNTRUSTED",
      message: `Connessione sicura al Sistema TS non riuscita: il certificato del server è firmato da un'autorità che questo computer non riconosce (${nodeCode}). Succede con l'ambiente di test del Sistema TS, che usa un'autorità privata: indica il file della sua CA nella variabile STS_CA_FILE e riavvia Parcella. In produzione controlla che un proxy o un antivirus non intercetti le connessioni.`,
    };
  }
  if (EXPIRED.has(nodeCode)) {
    return {
      code: "TLS_EXPIRED",
      message: `Connessione sicura al Sistema TS non riuscita: il certificato del server risulta scaduto o non ancora valido (${nodeCode}). Controlla prima data e ora di questo computer; se sono giuste, il problema è del Sistema TS: riprova più tardi.`,
    };
  }
  if (HOSTNAME.has(nodeCode)) {
    return {
      code: "TLS_HOSTNAME",
      message: `Connessione sicura al Sistema TS non riuscita: il certificato del server non corrisponde all'indirizzo chiamato (${nodeCode}). Controlla l'indirizzo configurato e che nessun proxy si metta in mezzo.`,
    };
  }
  return {
    code: "TLS_HANDSHAKE",
    message: `Connessione sicura al Sistema TS non riuscita durante la negoziazione TLS (${nodeCode}). Controlla che un proxy o un firewall non blocchi le connessioni HTTPS verso il Sistema TS.`,
  };
}
