import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { timingSafeEqual } from "node:crypto";
import { SIMULATOR_CERT_PEM, SIMULATOR_PRIVATE_KEY_PEM } from "../crypto/certs/simulator-key";
import { STS_PATHS } from "../environments";
import { child, parseXml, type XmlNode } from "../xml";
import { handleAdmin } from "./admin";
import { handleDettaglioSegnalazione, handleReportSegnalazioni } from "./citizen-report-services";
import type { SimulatorConfig, SimulatorContext } from "./context";
import { takeFaults, type FaultRule, type SimulatedOperation } from "./faults";
import { contentIdOf, contentTypeParam, parseMultipart } from "./multipart";
import { handleInterrogazionePuntuale, handleReportMensile } from "./query-services";
import {
  SoapClientFault,
  handleDettaglioErrori,
  handleDocumentoSpesa,
  handleEsitoInvii,
  handleRicevutaPdf,
  handleUpload,
} from "./services";
import { soapFault } from "./soap-xml";
import { emptyState, loadState, type SimulatorUser } from "./state";
import { KIT_PSYCHOLOGIST } from "../kit-test-user";

/** The public test user of the STS kit for psychologists (docs/STS-PROTOCOL.md §12). */
export { KIT_PSYCHOLOGIST };

export type StsSimulatorOptions = Partial<SimulatorConfig> & {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  faults?: FaultRule[];
  now?: () => Date;
  /** JSON file where what the simulator holds survives restarts. */
  stateFile?: string;
  /** Defaults to the committed simulator test key pair; give both to use another. */
  privateKeyPem?: string;
  certificatePem?: string;
  /** Serve HTTPS with this certificate and key (PEM) instead of plain HTTP. */
  tls?: { certPem: string; keyPem: string };
  log?: (line: string) => void;
  /** How long an idle keep-alive connection stays open (default 65 s). */
  keepAliveTimeoutMs?: number;
};

export type StsSimulator = {
  url: string;
  port: number;
  /** Certificate the client must encrypt with. */
  certificatePem: string;
  config: SimulatorConfig;
  faults: FaultRule[];
  context: SimulatorContext;
  reset(): void;
  close(): Promise<void>;
};

const MAX_BODY_BYTES = 20 * 1024 * 1024;

type Route = { operation: SimulatedOperation; element: RegExp };

const OPERATIONS: Record<string, Route> = {
  [STS_PATHS.inviaFileMtom]: { operation: "inviaFileMtom", element: /^inviaFileMtom$/ },
  [STS_PATHS.esitoInvii]: { operation: "EsitoInvii", element: /^EsitoInvii$/ },
  [STS_PATHS.dettaglioErrori]: { operation: "DettaglioErrori", element: /^DettaglioErrori$/ },
  [STS_PATHS.ricevutaPdf]: { operation: "RicevutaPdf", element: /^RicevutaPdf$/ },
  [STS_PATHS.documentoSpesa]: { operation: "DocumentoSpesa730p", element: /DocumentoSpesaRequest$/ },
  [STS_PATHS.interrogazionePuntuale]: {
    operation: "InterrogazionePuntuale",
    element: /^interrogazionePuntualeRequest$/,
  },
  [STS_PATHS.reportMensile]: { operation: "ReportMensile", element: /^reportMensileRequest$/ },
  [STS_PATHS.dettaglioSegnalazione]: { operation: "DettaglioSegnalazione", element: /^dettaglioSegnalazioneRequest$/ },
  [STS_PATHS.reportSegnalazioni]: { operation: "ReportSegnalazioni", element: /^reportSegnalazioniRequest$/ },
};

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function basicUser(header: string | undefined): { username: string; password: string } | null {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? "");
  if (!match) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? null : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.destroy();
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", () => resolve(null));
  });
}

function sendXml(res: ServerResponse, status: number, xml: string): void {
  res.writeHead(status, { "content-type": "text/xml; charset=utf-8" });
  res.end(xml);
}

/** The SOAP envelope and the MTOM attachments (by Content-ID) of a request, MTOM or plain. */
function readSoapRequest(req: IncomingMessage, body: Buffer): { envelope: string; attachments: Map<string, Buffer> } {
  const contentType = req.headers["content-type"] ?? "";
  const attachments = new Map<string, Buffer>();
  if (!/multipart\/related/i.test(contentType)) return { envelope: body.toString("utf8"), attachments };
  const boundary = contentTypeParam(contentType, "boundary");
  if (!boundary) throw new SoapClientFault("multipart/related senza boundary");
  const parts = parseMultipart(body, boundary);
  const start = contentTypeParam(contentType, "start")?.replace(/^<|>$/g, "");
  const root = parts.find((p) => start && contentIdOf(p) === start) ?? parts[0];
  if (!root) throw new SoapClientFault("messaggio MTOM vuoto");
  for (const part of parts) if (part !== root) attachments.set(contentIdOf(part), part.body);
  return { envelope: root.body.toString("utf8"), attachments };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Starts a local STS simulator over node:http that speaks the real protocol (docs/STS.md). */
export async function createStsSimulator(options: StsSimulatorOptions = {}): Promise<StsSimulator> {
  const initialConfig = (): SimulatorConfig => ({
    users: (options.users ?? [{ ...KIT_PSYCHOLOGIST }]).map((u) => ({
      ...u,
      cfProprietario: u.cfProprietario.toUpperCase(),
    })),
    rejectedCfs: (options.rejectedCfs ?? []).map((cf) => cf.toUpperCase()),
    notInRegistryCfs: (options.notInRegistryCfs ?? []).map((cf) => cf.toUpperCase()),
    processingDelayMs: options.processingDelayMs ?? 0,
    csvLayout: options.csvLayout ?? "standard",
    privateKeyPems: [...(options.privateKeyPems ?? [options.privateKeyPem ?? SIMULATOR_PRIVATE_KEY_PEM])],
  });
  const context: SimulatorContext = {
    state: loadState(options.stateFile),
    config: initialConfig(),
    now: options.now ?? (() => new Date()),
    decryptions: {},
    stateFile: options.stateFile,
    log: options.log ?? (() => {}),
  };
  const faults: FaultRule[] = [...(options.faults ?? [])].map((f) => ({ ...f }));
  const requestCounts: Record<string, number> = {};
  const reset = () => {
    context.state = emptyState();
    context.config = initialConfig();
    adminTarget.config = context.config;
    adminTarget.state = context.state;
    faults.splice(0);
    for (const key of Object.keys(requestCounts)) delete requestCounts[key];
    for (const key of Object.keys(context.decryptions)) delete context.decryptions[key];
    traffic.peakInFlight = traffic.inFlight;
    traffic.connections = 0;
  };
  // Service requests being answered now, and the most at once since the last reset: a client's bound on its calls
  // in flight can be checked from outside. `connections`: TCP connections opened since the last reset.
  const traffic = { inFlight: 0, peakInFlight: 0, connections: 0 };
  const adminTarget = {
    config: context.config,
    faults,
    state: context.state,
    requestCounts,
    decryptions: context.decryptions,
    traffic,
    reset,
    context,
  };
  // Requests already served per connection: a request on a connection that carried one before is a keep-alive reuse.
  const servedOn = new WeakMap<object, number>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrived = Date.now();
    const body = await readBody(req);
    if (body === null) return void res.destroy();
    const path = (req.url ?? "/").split("?")[0];
    if (path.startsWith("/__admin/")) return handleAdmin(adminTarget, req, res, body.toString("utf8"));
    const route = OPERATIONS[path.replace(/^\/(enti|entrate)(?=\/)/, "")];
    if (!route || req.method !== "POST") {
      res.writeHead(404, { "content-type": "text/plain" });
      return void res.end("Not found");
    }
    requestCounts[route.operation] = (requestCounts[route.operation] ?? 0) + 1;
    traffic.inFlight++;
    traffic.peakInFlight = Math.max(traffic.peakInFlight, traffic.inFlight);
    res.once("close", () => traffic.inFlight--);
    const credentials = basicUser(req.headers.authorization);
    const served = servedOn.get(req.socket) ?? 0;
    servedOn.set(req.socket, served + 1);
    const applied = takeFaults(faults, route.operation, credentials?.username ?? null, { reused: served > 0 });
    const latency = applied.filter((f) => f.type === "latency").reduce((sum, f) => sum + (f.latencyMs ?? 0), 0);
    // An injected latency is the time from the request's arrival to its answer, the service's own work included, as
    // at a service that works on many requests at once. (Sleeping first and working after would queue every answer
    // behind this single thread's work on the others: 16 requests arriving together would be answered up to 16 × the
    // work later — measured by the benchmark's "client ↔ simulator alone" case, docs/BENCHMARKS.md.)
    const answerTime = async () => {
      const wait = arrived + latency - Date.now();
      if (wait > 0) await sleep(wait);
    };
    const fault = applied.find((f) => f.type !== "latency" && f.type !== "lostResponse");
    const lost = applied.some((f) => f.type === "lostResponse");
    if (fault) await answerTime();
    if (fault?.type === "timeout") return; // never answers; close() drops the connection
    if (fault?.type === "reset" || fault?.type === "keepAliveReset")
      return void (req.socket.resetAndDestroy?.() ?? req.socket.destroy());
    if (fault?.type === "http500") {
      res.writeHead(500, { "content-type": "text/html" });
      return void res.end("<html><body>500 Internal Server Error</body></html>");
    }
    if (fault?.type === "soapFault")
      return sendXml(res, 500, soapFault("Server", "Errore interno del servizio (simulato)"));
    if (fault?.type === "malformed")
      return sendXml(
        res,
        200,
        '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><return><codiceEsito>0',
      );
    const user = context.config.users.find((u) => u.username === credentials?.username);
    if (
      !user ||
      !credentials ||
      !sameSecret(credentials.password, user.password) ||
      fault?.type === "expiredPassword"
    ) {
      context.log(`${route.operation}: autenticazione rifiutata`);
      await answerTime();
      return sendXml(res, 500, soapFault("Client", "Errore generico di autenticazione"));
    }
    let answer: string;
    try {
      answer = await serve(route, user, req, body);
    } finally {
      await answerTime(); // a refused request is answered after the latency too
    }
    // Processed and stored, but the answer never reaches the client.
    if (lost) return void (req.socket.resetAndDestroy?.() ?? req.socket.destroy());
    return sendXml(res, 200, answer);
  }

  async function serve(route: Route, user: SimulatorUser, req: IncomingMessage, body: Buffer): Promise<string> {
    const { envelope, attachments } = readSoapRequest(req, body);
    let request: XmlNode | undefined;
    try {
      request = child(parseXml(envelope), "Body")?.children[0];
    } catch (error) {
      throw new SoapClientFault((error as Error).message);
    }
    if (!request || !route.element.test(request.name))
      throw new SoapClientFault(`Elemento inatteso nel Body: ${request?.name ?? "nessuno"}`);
    switch (route.operation) {
      case "inviaFileMtom":
        return handleUpload(context, user, request, attachments);
      case "EsitoInvii":
        return handleEsitoInvii(context, user, request);
      case "DettaglioErrori":
        return handleDettaglioErrori(context, user, request);
      case "RicevutaPdf":
        return handleRicevutaPdf(context, user, request);
      case "DocumentoSpesa730p":
        return handleDocumentoSpesa(context, user, request);
      case "InterrogazionePuntuale":
        return handleInterrogazionePuntuale(context, user, request);
      case "ReportMensile":
        return handleReportMensile(context, user, request);
      case "DettaglioSegnalazione":
        return handleDettaglioSegnalazione(context, user, request);
      case "ReportSegnalazioni":
        return handleReportSegnalazioni(context, user, request);
    }
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return;
      if (error instanceof SoapClientFault) return sendXml(res, 500, soapFault("Client", error.message));
      context.log(`errore interno: ${(error as Error).message}`);
      sendXml(res, 500, soapFault("Server", "Errore interno del simulatore"));
    });
  };
  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.certPem, key: options.tls.keyPem }, onRequest)
    : createServer(onRequest);
  server.on(options.tls ? "secureConnection" : "connection", () => traffic.connections++);
  // Node's HTTP clients drop an idle pooled connection after 5 s, which is also Node's default for servers: with the
  // same figure on both sides a client may reuse a connection at the very moment the server closes it, and the call
  // fails with ECONNRESET (the app rightly takes an upload lost that way as uncertain). Like most web servers, the
  // simulator keeps idle connections longer than its clients do, so they are always closed by the client.
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 65_000;
  server.headersTimeout = server.keepAliveTimeout + 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1";
  return {
    url: `${options.tls ? "https" : "http"}://${host}:${port}`,
    port,
    certificatePem: options.certificatePem ?? SIMULATOR_CERT_PEM,
    get config() {
      return context.config;
    },
    faults,
    context,
    reset,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
