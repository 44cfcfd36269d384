import { lookup } from "node:dns/promises";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import type { PeerCertificate, TLSSocket } from "node:tls";
import { agentsFor, type StsConnectionOptions } from "../client/connection";
import { explainTlsError, isTlsErrorCode } from "../client/tls-errors";
import { step, type DoctorStep } from "./steps";

export async function checkNameResolution(url: URL): Promise<DoctorStep> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) return step("dns", "ok", `${host} è un indirizzo IP: nessun nome da risolvere.`);
  try {
    const addresses = await lookup(host, { all: true });
    return step("dns", "ok", `${host} → ${addresses.map((a) => a.address).join(", ")}`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "errore";
    return step(
      "dns",
      "failed",
      `Il nome ${host} non si risolve (${code}).`,
      "Controlla la connessione a Internet e il DNS di questo computer (o del server); se usi un proxy, deve lasciar passare il Sistema TS.",
    );
  }
}

export type ConnectionProbe = { step: DoctorStep; serverDate: Date | null };

/**
 * Opens a connection to the service URL as the client would (same CA list, same TLS checks) and sends a plain GET
 * without credentials: it proves the network path and the TLS chain, and the answer's Date header tells the
 * server's clock. Nothing is sent to STS's services.
 */
export function probeConnection(url: URL, options: StsConnectionOptions, timeoutMs: number): Promise<ConnectionProbe> {
  const secure = url.protocol === "https:";
  const { httpAgent, httpsAgent } = agentsFor(options);
  return new Promise((resolve) => {
    let peer: PeerCertificate | null = null;
    const started = Date.now();
    const req = (secure ? httpsRequest : httpRequest)(
      url,
      { method: "GET", agent: secure ? httpsAgent : httpAgent, timeout: timeoutMs },
      (res) => {
        res.resume();
        const date = res.headers.date ? new Date(res.headers.date) : null;
        const elapsed = Date.now() - started;
        const tls = peer
          ? ` Certificato del server: ${peer.subject?.CN ?? "?"}, emesso da ${peer.issuer?.CN ?? peer.issuer?.O ?? "?"}, valido fino al ${peer.valid_to}.`
          : " Collegamento in chiaro (HTTP): succede solo con il simulatore locale.";
        resolve({
          step: step("connection", "ok", `Il server risponde (HTTP ${res.statusCode}, ${elapsed} ms).${tls}`),
          serverDate: date && !Number.isNaN(date.getTime()) ? date : null,
        });
      },
    );
    req.on("socket", (socket) => {
      if (secure) socket.once("secureConnect", () => (peer = (socket as TLSSocket).getPeerCertificate()));
    });
    req.on("timeout", () => req.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })));
    req.on("error", (error: NodeJS.ErrnoException) => {
      const code = error.code ?? "ERROR";
      if (isTlsErrorCode(code)) {
        const tls = explainTlsError(code);
        return resolve({ step: step("connection", "failed", tls.message, tlsAdvice(tls.code)), serverDate: null });
      }
      resolve({
        step: step(
          "connection",
          "failed",
          `Connessione a ${url.host} non riuscita (${code}).`,
          code === "ECONNREFUSED"
            ? "Il server rifiuta la connessione: controlla l'indirizzo e la porta (con il simulatore: che sia avviato)."
            : "Controlla che un firewall o un proxy non blocchi le connessioni HTTPS in uscita verso il Sistema TS, poi riprova.",
        ),
        serverDate: null,
      });
    });
    req.end();
  });
}

function tlsAdvice(code: string): string {
  switch (code) {
    case "TLS_UNTRUSTED":
      return "Per l'ambiente di test: salva il certificato della CA del Sistema TS in un file PEM, indica il percorso in STS_CA_FILE e riavvia Parcella. Non disattivare mai il controllo dei certificati.";
    case "TLS_EXPIRED":
      return "Controlla data e ora di questo computer; se sono giuste, riprova più tardi.";
    default:
      return "Controlla l'indirizzo del Sistema TS configurato e che nessun proxy intercetti le connessioni HTTPS.";
  }
}
