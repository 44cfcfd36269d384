import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { rootCertificates } from "node:tls";

/**
 * How the client connects to STS.
 *
 * No keep-alive: every call opens its own connection and closes it. A reused idle connection can be reset by the
 * server (or a balancer in front of it) just as the next request is written — seen under load — and for an upload
 * such a reset is indistinguishable from an answer lost after STS stored the file, so the batch would become
 * "uncertain" for nothing. A fresh connection per call removes that race for every operation, reads and writes
 * alike, at the price of one TCP + TLS handshake per call (docs/STS.md, "Connections").
 *
 * `extraCaPem`: certification authorities to trust besides Node's built-in list (STS_CA_FILE), for an
 * environment whose chain is private (the STS test environment is reported to use a Sogei test CA).
 * Certificate checks are never switched off.
 */
export type StsConnectionOptions = { extraCaPem?: string };

const httpsAgents = new Map<string, HttpsAgent>();
const httpAgent = new HttpAgent({ keepAlive: false });

export function agentsFor(options: StsConnectionOptions = {}): { httpAgent: HttpAgent; httpsAgent: HttpsAgent } {
  const key = options.extraCaPem ?? "";
  let httpsAgent = httpsAgents.get(key);
  if (!httpsAgent) {
    httpsAgent = new HttpsAgent({
      keepAlive: false,
      ...(options.extraCaPem ? { ca: [...rootCertificates, options.extraCaPem] } : {}),
    });
    httpsAgents.set(key, httpsAgent);
  }
  return { httpAgent, httpsAgent };
}

/** The trust list for a TLS connection of our own (the doctor's), the same as the client's. */
export function trustedCas(options: StsConnectionOptions = {}): string[] | undefined {
  return options.extraCaPem ? [...rootCertificates, options.extraCaPem] : undefined;
}
