import { Client, WSDL, type ISecurity } from "soap";
import { DOCUMENTO_SPESA_WSDL } from "../wsdl/documento-spesa";
import { INVIO_TELEMATICO_WSDL } from "../wsdl/invio-telematico";
import {
  DETTAGLIO_SEGNALAZIONE_WSDL,
  INTERROGAZIONE_PUNTUALE_WSDL,
  REPORT_MENSILE_WSDL,
  REPORT_SEGNALAZIONI_WSDL,
} from "../wsdl/interrogazioni";
import { DETTAGLIO_ERRORI_WSDL, ESITO_INVII_WSDL, RICEVUTA_PDF_WSDL } from "../wsdl/ricevute";
import { basicAuthorization } from "./basic-auth";
import { agentsFor, type StsConnectionOptions } from "./connection";

const WSDL_SOURCES = {
  invioTelematico: INVIO_TELEMATICO_WSDL,
  esitoInvii: ESITO_INVII_WSDL,
  dettaglioErrori: DETTAGLIO_ERRORI_WSDL,
  ricevutaPdf: RICEVUTA_PDF_WSDL,
  documentoSpesa: DOCUMENTO_SPESA_WSDL,
  interrogazionePuntuale: INTERROGAZIONE_PUNTUALE_WSDL,
  reportMensile: REPORT_MENSILE_WSDL,
  dettaglioSegnalazione: DETTAGLIO_SEGNALAZIONE_WSDL,
  reportSegnalazioni: REPORT_SEGNALAZIONI_WSDL,
} as const;

export type WsdlName = keyof typeof WSDL_SOURCES;

const parsed = new Map<WsdlName, Promise<WSDL>>();

/** Parses our own WSDL once per process (they are constants, never fetched from the network). */
function loadWsdl(name: WsdlName): Promise<WSDL> {
  let promise = parsed.get(name);
  if (!promise) {
    promise = new Promise<WSDL>((resolve, reject) => {
      const wsdl = new WSDL(WSDL_SOURCES[name], `parcella-${name}.wsdl`, {});
      wsdl.onReady((error) => (error ? reject(error) : resolve(wsdl)));
    });
    parsed.set(name, promise);
  }
  return promise;
}

export type SoapAttachment = { contentId: string; name: string; mimetype: string; body: Uint8Array };

export type SoapCallInput = {
  wsdl: WsdlName;
  operation: string;
  endpoint: string;
  args: unknown;
  username: string;
  password: string;
  timeoutMs: number;
  attachments?: SoapAttachment[];
  connection?: StsConnectionOptions;
};

/** What went over the wire, before any interpretation. Never throws; never holds the Authorization header. */
export type SoapCallOutcome = {
  httpStatus: number | null;
  contentType: string | null;
  /** Response body (the SOAP part of an MTOM response), or null when none arrived. */
  body: string | null;
  /** The request envelope as serialised (attachments are sent as separate MIME parts). */
  request: string;
  networkError: { code: string; message: string } | null;
  timedOut: boolean;
  durationMs: number;
};

/** Pre-emptive HTTP Basic, with the header built by basicAuthorization() (explicit UTF-8). */
function basicAuth(username: string, password: string): ISecurity {
  const header = basicAuthorization(username, password);
  return {
    addHeaders: (headers: Record<string, unknown>) => {
      headers.Authorization = header;
    },
    toXML: () => "",
  } as unknown as ISecurity;
}

/**
 * One SOAP call through the `soap` package with pre-emptive Basic auth, MTOM when attachments are given, a fresh
 * connection (connection.ts says why there is no keep-alive), an axios timeout and an overall deadline that aborts
 * the request (so nothing can hang past timeoutMs).
 */
export async function callSoap(input: SoapCallInput): Promise<SoapCallOutcome> {
  const started = Date.now();
  const wsdl = await loadWsdl(input.wsdl);
  const client = new Client(wsdl, input.endpoint, { parseReponseAttachments: true, returnFault: true } as never);
  client.setSecurity(basicAuth(input.username, input.password));
  const controller = new AbortController();
  let captured: { status: number; contentType: string | null; body: string | null } | null = null;
  client.on(
    "response",
    (body: unknown, response: { status?: number; headers?: Record<string, unknown> } | undefined) => {
      if (response?.status === undefined) return;
      const contentType = response.headers?.["content-type"];
      captured = {
        status: response.status,
        contentType: typeof contentType === "string" ? contentType : null,
        body: typeof body === "string" ? body : Buffer.isBuffer(body) ? body.toString("utf8") : null,
      };
    },
  );
  const options: Record<string, unknown> = {
    timeout: input.timeoutMs,
    signal: controller.signal,
    maxRedirects: 0,
    ...agentsFor(input.connection),
  };
  if (input.attachments?.length) {
    options.forceMTOM = true;
    options.attachments = input.attachments.map((a) => ({ ...a, body: Buffer.from(a.body) }));
  }
  const method = (client as unknown as Record<string, (...args: unknown[]) => void>)[input.operation];
  const done = new Promise<{ error: unknown }>((resolve) => {
    try {
      method.call(client, input.args, (error: unknown) => resolve({ error }), options);
    } catch (error) {
      resolve({ error });
    }
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), input.timeoutMs + 250);
  });
  const winner = await Promise.race([done, deadline]);
  clearTimeout(timer);
  const request = typeof client.lastRequest === "string" ? client.lastRequest : "";
  const base = { request, durationMs: Date.now() - started };
  if (winner === "timeout") {
    controller.abort();
    return {
      ...base,
      httpStatus: null,
      contentType: null,
      body: null,
      networkError: { code: "ETIMEDOUT", message: "timeout" },
      timedOut: true,
    };
  }
  const response = captured as { status: number; contentType: string | null; body: string | null } | null;
  if (response) {
    return {
      ...base,
      httpStatus: response.status,
      contentType: response.contentType,
      body: response.body,
      networkError: null,
      timedOut: false,
    };
  }
  const error = winner.error as { code?: string; message?: string } | undefined;
  const code = error?.code ?? "ERROR";
  const timedOut = code === "ECONNABORTED" || code === "ETIMEDOUT" || /timeout/i.test(error?.message ?? "");
  return {
    ...base,
    httpStatus: null,
    contentType: null,
    body: null,
    networkError: { code, message: error?.message ?? "errore di rete" },
    timedOut,
  };
}
