import { CREDENTIAL_CODES, describeStsCode, type StsCodeInfo } from "../codes";
import { encryptForSts } from "../crypto/encrypt";
import { serviceUrl, type StsService } from "../environments";
import { assertDocumentsSendable } from "../file/validate-documents";
import type { StsDocument, StsOwner } from "../types";
import { childText, childrenNamed, child, findFirst, type XmlNode } from "../xml";
import { codeFailure, malformed, readSoapResponse, type StsFailure } from "./classify";
import { parseErrorZip, type StsErrorRow } from "./error-csv";
import { toExchange, type StsExchange } from "./exchange";
import { createQueryMethods } from "./queries";
import type { StsConnectionOptions } from "./connection";
import { callSoap, type SoapAttachment, type WsdlName } from "./soap-transport";
import { toSyncArgs } from "./sync-document";

export type StsCredentials = {
  /** STS user (codice identificativo, usually the practitioner's CF): HTTP Basic user. */
  username: string;
  password: string;
  /** PIN in clear; encrypted at every call. */
  pincode: string;
  /** CF titolare: owner of the documents. */
  cfProprietario: string;
};

export type StsClientConfig = {
  baseUrl: string;
  credentials: StsCredentials;
  /**
   * Certificate of the environment (SanitelCF for test/production, the simulator's for the simulator), or a function
   * asked before every operation, so that a certificate installed while the process runs is used from the next call.
   */
  certificatePem: string | (() => string | Promise<string>);
  /** Timeout of every operation without its own entry in `timeouts`. */
  timeoutMs?: number;
  timeouts?: Partial<StsTimeouts>;
  /** Extra certification authorities to trust (STS_CA_FILE). */
  connection?: StsConnectionOptions;
  now?: () => Date;
  /** Runs each HTTP call: the caller's bound on the calls in flight toward STS (every call runs at once without). */
  limit?: <T>(call: () => Promise<T>) => Promise<T>;
};

type WithExchanges = { exchanges: StsExchange[] };

export type StsUploadResult =
  | ({
      kind: "accepted";
      protocollo: string;
      dataAccoglienza: string;
      fileName: string;
      fileSize: number;
      description: string;
    } & WithExchanges)
  | StsFailure;

export type StsSubmissionStatus = "processing" | "accepted" | "accepted_with_warnings" | "rejected";

export type StsSubmissionOutcome = {
  protocollo: string;
  dataInvio: string;
  stato: number;
  description: string;
  nInviati: number;
  nAccolti: number;
  nWarnings: number;
  nErrori: number;
  status: StsSubmissionStatus;
  /** stato 5 or 9: the whole file was discarded, no document was accepted. */
  fileRejected: boolean;
};

export type StsOutcomeResult =
  | ({ kind: StsSubmissionStatus; submission: StsSubmissionOutcome } & WithExchanges)
  | ({ kind: "list"; submissions: StsSubmissionOutcome[] } & WithExchanges)
  | ({ kind: "not_found"; code: string; description: string } & WithExchanges)
  | StsFailure;

export type StsErrorDetailResult =
  | ({ kind: "rejected" | "accepted_with_warnings"; rows: StsErrorRow[]; fileRejected: false } & WithExchanges)
  | ({ kind: "rejected"; rows: []; fileRejected: true; code: string; description: string } & WithExchanges)
  | ({ kind: "not_found"; code: string; description: string } & WithExchanges)
  | StsFailure;

export type StsReceiptResult =
  | ({ kind: "ok"; pdf: Uint8Array } & WithExchanges)
  | ({ kind: "not_found"; code: string; description: string } & WithExchanges)
  | StsFailure;

export type StsMessage = { code: string; description: string; tipo: string; info: StsCodeInfo };

export type StsSendDocumentResult =
  | ({ kind: "accepted" | "accepted_with_warnings"; protocollo: string; messages: StsMessage[] } & WithExchanges)
  | ({ kind: "rejected"; messages: StsMessage[] } & WithExchanges)
  | StsFailure;

export type StsCheckCredentialsResult = ({ kind: "ok" } & WithExchanges) | StsFailure;

export type StsClient = ReturnType<typeof createStsClient>;

/**
 * How long each kind of operation may take (docs/STS.md, "Timeouts"). Every call carries HTTP Basic credentials and
 * STS is reported to take over a minute to refuse a bad login: each timeout stays above that, or a refusal would
 * look like a timeout (and an upload that timed out is "uncertain", never simply re-sent).
 */
export type StsOperationKind = "upload" | "outcome" | "receipts" | "document" | "query" | "check";
export type StsTimeouts = Record<StsOperationKind, number>;

export const DEFAULT_TIMEOUTS: StsTimeouts = {
  upload: 120_000, // a file of up to 5 MB on a slow line, plus the slow refusal
  outcome: 90_000,
  receipts: 90_000,
  document: 90_000,
  query: 90_000, // InterrogazionePuntuale, ReportMensile, the citizens' reports: reads like the outcome
  check: 120_000, // the practitioner waits for it, but a real answer beats a false "unreachable"
};

function toStsDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-");
  return `${d}-${m}-${y}`;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function statusOf(stato: number, nWarnings: number): StsSubmissionStatus {
  if (stato === 0 || stato === 1) return "processing";
  if (stato === 2) return nWarnings > 0 ? "accepted_with_warnings" : "accepted";
  return "rejected";
}

function readSubmission(node: XmlNode): StsSubmissionOutcome {
  const num = (name: string) => Number(childText(node, name) ?? "0") || 0;
  const stato = Number(childText(node, "stato"));
  const nWarnings = num("nWarnings");
  return {
    protocollo: childText(node, "protocollo") ?? "",
    dataInvio: childText(node, "dataInvio") ?? "",
    stato,
    description: childText(node, "descrizione") ?? "",
    nInviati: num("nInviati"),
    nAccolti: num("nAccolti"),
    nWarnings,
    nErrori: num("nErrori"),
    status: statusOf(stato, nWarnings),
    fileRejected: stato === 5 || stato === 9,
  };
}

function firstNegative(output: XmlNode | undefined): { code: string; description: string } {
  const negative = findFirst(child(output, "esitiNegativi"), "dettaglioEsitoNegativo");
  return { code: childText(negative, "codice") ?? "", description: childText(negative, "descrizione") ?? "" };
}

/**
 * The STS SOAP client. Every method returns a classified result and never throws for network or protocol problems
 * (only StsValidationError, before any call, when the input cannot be sent).
 */
export function createStsClient(config: StsClientConfig) {
  const timeoutOf = (kind: StsOperationKind) => config.timeouts?.[kind] ?? config.timeoutMs ?? DEFAULT_TIMEOUTS[kind];
  const now = config.now ?? (() => new Date());
  const { credentials } = config;
  const certificate = config.certificatePem;
  /** The encryption of this operation, with the certificate as it is now. */
  async function encrypter(): Promise<(plaintext: string) => string> {
    const pem = typeof certificate === "string" ? certificate : await certificate();
    return (plaintext: string) => encryptForSts(plaintext, pem);
  }

  async function call(
    kind: StsOperationKind,
    service: StsService,
    wsdl: WsdlName,
    operation: string,
    args: unknown,
    attachments?: SoapAttachment[],
  ) {
    const url = serviceUrl(config.baseUrl, service);
    const send = () =>
      callSoap({
        wsdl,
        operation,
        endpoint: url,
        args,
        attachments,
        username: credentials.username,
        password: credentials.password,
        timeoutMs: timeoutOf(kind),
        connection: config.connection,
      });
    const outcome = await (config.limit ? config.limit(send) : send());
    const note = attachments?.map((a) => `allegato MTOM ${a.contentId}: ${a.body.length} byte`).join(", ");
    const exchanges = [toExchange(operation, url, outcome, note)];
    return { exchanges, response: readSoapResponse(outcome, exchanges) };
  }

  /** Receipt services share DatiInputRichiesta → DatiOutputRichiesta (docs/STS-PROTOCOL.md §4–6). */
  async function callReceiptService(
    kind: StsOperationKind,
    service: StsService,
    wsdl: WsdlName,
    operation: string,
    input: Record<string, string>,
  ) {
    const encrypt = await encrypter();
    const args = { DatiInputRichiesta: { pinCode: encrypt(credentials.pincode), ...input } };
    const { exchanges, response } = await call(kind, service, wsdl, operation, args);
    if (!response.ok) return { exchanges, failure: response.failure };
    const output = findFirst(response.body, "DatiOutputRichiesta");
    if (!output || childText(output, "esitoChiamata") === undefined)
      return { exchanges, failure: malformed(exchanges) };
    return { exchanges, output, esito: childText(output, "esitoChiamata") as string };
  }

  function negativeResult(output: XmlNode, exchanges: StsExchange[]) {
    const negative = firstNegative(output);
    if (CREDENTIAL_CODES.has(negative.code)) return codeFailure(negative.code, negative.description, exchanges);
    return { kind: "not_found" as const, code: negative.code, description: negative.description, exchanges };
  }

  /** Uploads a ZIP built by buildStsFile(); STS checks name, size and content itself (codes 101–108). */
  async function uploadFile(file: {
    fileName: string;
    zip: Uint8Array;
    transport?: "mtom" | "inline";
  }): Promise<StsUploadResult> {
    const inline = file.transport === "inline";
    const encrypt = await encrypter();
    const args = {
      nomeFileAllegato: file.fileName,
      pincodeInvianteCifrato: encrypt(credentials.pincode),
      datiProprietario: { cfProprietario: credentials.cfProprietario }, // in clear here (docs/STS-PROTOCOL.md §2.2)
      documento: inline
        ? Buffer.from(file.zip).toString("base64")
        : { $xml: `<xop:Include xmlns:xop="http://www.w3.org/2004/08/xop/include" href="cid:${file.fileName}"/>` },
    };
    const attachments = inline
      ? undefined
      : [{ contentId: file.fileName, name: file.fileName, mimetype: "application/zip", body: file.zip }];
    const { exchanges, response } = await call(
      "upload",
      "inviaFileMtom",
      "invioTelematico",
      "inviaFileMtom",
      args,
      attachments,
    );
    if (!response.ok) return response.failure;
    const ricevuta = findFirst(response.body, "return");
    const codiceEsito = childText(ricevuta, "codiceEsito");
    if (!ricevuta || !codiceEsito) return malformed(exchanges);
    const description = childText(ricevuta, "descrizioneEsito") ?? "";
    if (codiceEsito !== "000") return codeFailure(codiceEsito, description, exchanges);
    const protocollo = childText(ricevuta, "protocollo") ?? "";
    if (!/^\d{17}$/.test(protocollo)) return malformed(exchanges);
    return {
      kind: "accepted",
      protocollo,
      description,
      exchanges,
      dataAccoglienza: childText(ricevuta, "dataAccoglienza") ?? "",
      fileName: childText(ricevuta, "nomeFileAllegato") ?? file.fileName,
      fileSize: Number(childText(ricevuta, "dimensioneFileAllegato") ?? file.zip.length),
    };
  }

  async function getOutcome(
    query: { protocollo: string } | { from: string; to: string },
    kind: StsOperationKind = "outcome",
  ): Promise<StsOutcomeResult> {
    const input: Record<string, string> =
      "protocollo" in query
        ? { protocollo: query.protocollo }
        : { dataInizio: toStsDate(query.from), dataFine: toStsDate(query.to) };
    const result = await callReceiptService(kind, "esitoInvii", "esitoInvii", "EsitoInvii", input);
    if ("failure" in result) return result.failure as StsFailure;
    const { output, esito, exchanges } = result;
    const submissions = childrenNamed(child(output, "esitiPositivi"), "dettagliEsito").map(readSubmission);
    if (esito !== "0" || submissions.length === 0) return negativeResult(output, exchanges);
    if ("protocollo" in query) {
      const submission = submissions.find((s) => s.protocollo === query.protocollo) ?? submissions[0];
      return { kind: submission.status, submission, exchanges };
    }
    return { kind: "list", submissions, exchanges };
  }

  async function getErrorDetail(protocollo: string): Promise<StsErrorDetailResult> {
    const result = await callReceiptService("receipts", "dettaglioErrori", "dettaglioErrori", "DettaglioErrori", {
      protocollo,
    });
    if ("failure" in result) return result.failure as StsFailure;
    const { output, esito, exchanges } = result;
    if (esito !== "0") {
      const negative = firstNegative(output);
      if (negative.code === "WS37") return { kind: "rejected", rows: [], fileRejected: true, ...negative, exchanges };
      return negativeResult(output, exchanges);
    }
    const csv = childText(findFirst(output, "dettagliEsito"), "csv");
    if (!csv) return malformed(exchanges);
    let rows: StsErrorRow[];
    try {
      rows = parseErrorZip(Buffer.from(csv, "base64"));
    } catch {
      return malformed(exchanges);
    }
    const kind = rows.some((row) => row.info.severity === "error") ? "rejected" : "accepted_with_warnings";
    return { kind, rows, fileRejected: false, exchanges };
  }

  async function getReceipt(protocollo: string): Promise<StsReceiptResult> {
    const result = await callReceiptService("receipts", "ricevutaPdf", "ricevutaPdf", "RicevutaPdf", { protocollo });
    if ("failure" in result) return result.failure as StsFailure;
    const { output, esito, exchanges } = result;
    if (esito !== "0") return negativeResult(output, exchanges);
    const pdf = childText(findFirst(output, "dettagliEsito"), "pdf");
    const bytes = pdf ? Buffer.from(pdf, "base64") : null;
    if (!bytes || bytes.subarray(0, 5).toString("latin1") !== "%PDF-") return malformed(exchanges);
    return { kind: "ok", pdf: new Uint8Array(bytes), exchanges };
  }

  /** Synchronous DocumentoSpesa730p: one document, answer at once (docs/STS-PROTOCOL.md §7). Validates before any call.
   * */
  async function sendDocument(
    doc: StsDocument,
    owner: StsOwner = { cfProprietario: credentials.cfProprietario },
  ): Promise<StsSendDocumentResult> {
    assertDocumentsSendable(owner, [doc]);
    const encrypt = await encrypter();
    const { operation, args } = toSyncArgs(doc, owner, encrypt(credentials.pincode), encrypt);
    const { exchanges, response } = await call("document", "documentoSpesa", "documentoSpesa", operation, args);
    if (!response.ok) return response.failure;
    const answer = response.body.children[0];
    const esito = childText(answer, "esitoChiamata");
    if (!answer || esito === undefined) return malformed(exchanges);
    const messages: StsMessage[] = childrenNamed(child(answer, "listaMessaggi"), "messaggio").map((m) => {
      const code = childText(m, "codice") ?? "";
      const description = childText(m, "descrizione") ?? "";
      return { code, description, tipo: childText(m, "tipo") ?? "", info: describeStsCode(code, description) };
    });
    const credentialMessage = messages.find((m) => CREDENTIAL_CODES.has(m.code));
    if (credentialMessage) return codeFailure(credentialMessage.code, credentialMessage.description, exchanges);
    const protocollo = childText(answer, "protocollo") ?? "";
    if (esito === "1") return { kind: "rejected", messages, exchanges };
    if ((esito === "0" || esito === "2") && protocollo) {
      return { kind: esito === "0" ? "accepted" : "accepted_with_warnings", protocollo, messages, exchanges };
    }
    return malformed(exchanges);
  }

  /** Checks user, password and PIN with a read-only EsitoInvii query on the last two days (no side effects). */
  async function checkCredentials(): Promise<StsCheckCredentialsResult> {
    const today = now();
    const yesterday = new Date(today.getTime() - 24 * 60 * 60 * 1000);
    const result = await getOutcome({ from: isoDay(yesterday), to: isoDay(today) }, "check");
    if (result.kind === "credentials" || result.kind === "transient" || result.kind === "permanent") return result;
    return { kind: "ok", exchanges: result.exchanges };
  }

  return {
    uploadFile,
    getOutcome,
    getErrorDetail,
    getReceipt,
    sendDocument,
    checkCredentials,
    ...createQueryMethods({ call: (...args) => call("query", ...args), encrypter, credentials }),
  };
}
