// The four query services of the client: InterrogazionePuntuale, ReportMensile, DettaglioSegnalazione,
// ReportSegnalazioni (docs/STS.md, "Query services"). They go through the client's one `call`, so transport, timeouts,
// the bound on calls in flight and the classification of failures are the same as for every other operation.
import { normalizeCodiceFiscale } from "../codice-fiscale";
import type { StsService } from "../environments";
import type { StsDocumentId } from "../types";
import { child, childText, type XmlNode } from "../xml";
import { codeFailure, failure, malformed, type ParsedResponse, type StsFailure } from "./classify";
import { readReportPayload, StsReportFormatError, type CsvTable } from "./csv-table";
import type { StsExchange } from "./exchange";
import { assertDocumentId, assertPeriod, assertTipoEstrazione, toAnnoMese } from "./query-input";
import type {
  StsCitizenReportResult,
  StsCitizenReportsResult,
  StsDocumentQueryResult,
  StsMonthlyReportResult,
} from "./query-types";
import { readCitizenReportDetail, readHeldDocument, readMessages } from "./query-xml";
import { citizenReportRows, monthlyReportRows } from "./report-rows";
import type { SoapAttachment, WsdlName } from "./soap-transport";
import type { StsCredentials, StsMessage } from "./sts-client";

export type QueryCall = (
  service: StsService,
  wsdl: WsdlName,
  operation: string,
  args: unknown,
  attachments?: SoapAttachment[],
) => Promise<{ exchanges: StsExchange[]; response: ParsedResponse }>;

type QueryDeps = {
  call: QueryCall;
  /** The encryption of one operation, with the certificate as it is at that moment. */
  encrypter: () => Promise<(plain: string) => string>;
  credentials: StsCredentials;
};

/** "LA RICERCA NON HA PRODOTTO RISULTATI": STS has nothing for the query. */
export const NOT_FOUND_CODE = "WS96";
/** "IL DOCUMENTO E' STATO ANNULLATO IN PRECEDENZA": the document is held, but cancelled. */
export const CANCELLED_CODE = "W010";

function idArgs(id: StsDocumentId) {
  return {
    pIva: id.pIva,
    dataEmissione: id.dataEmissione,
    numDocumentoFiscale: { dispositivo: id.dispositivo, numDocumento: id.numDocumento },
  };
}

type Answer =
  { failure: StsFailure } | { answer: XmlNode; esito: string; messages: StsMessage[]; exchanges: StsExchange[] };

/** esitoChiamata and listaMessaggi of a query answer. */
function readAnswer(exchanges: StsExchange[], response: ParsedResponse): Answer {
  if (!response.ok) return { failure: response.failure };
  const answer = response.body.children[0];
  const esito = childText(answer, "esitoChiamata");
  if (!answer || esito === undefined) return { failure: malformed(exchanges) };
  return { answer, esito, messages: readMessages(child(answer, "listaMessaggi")), exchanges };
}

/**
 * esitoChiamata 1 without WS96: STS refused the query; its first error message says why, classified like every code
 * (a PIN or owner code such as 002, 005, 104, 110 is a credentials failure).
 */
function refusal(messages: StsMessage[], exchanges: StsExchange[]): StsFailure {
  const reason = messages.find((m) => m.tipo === "E") ?? messages[0];
  return reason ? codeFailure(reason.code, reason.description, exchanges) : malformed(exchanges);
}

function notFound(messages: StsMessage[]) {
  const message = messages.find((m) => m.code === NOT_FOUND_CODE);
  return message ? { code: message.code, description: message.description } : null;
}

/** The CSV of fileCSV, or a permanent failure when it cannot be read (retrying would fetch the same bytes). */
function readReport(answer: XmlNode, exchanges: StsExchange[]): { table: CsvTable } | { failure: StsFailure } {
  const encoded = childText(answer, "fileCSV");
  if (!encoded) return { table: { header: [], rows: [] } };
  try {
    return { table: readReportPayload(Buffer.from(encoded.replace(/\s+/g, ""), "base64")) };
  } catch (error) {
    if (!(error instanceof StsReportFormatError)) throw error;
    return { failure: formatFailure(error, exchanges) };
  }
}

function formatFailure(error: StsReportFormatError, exchanges: StsExchange[]): StsFailure {
  return failure("permanent", `Report del Sistema TS non leggibile: ${error.message}.`, exchanges, "REPORT_FORMAT");
}

export function createQueryMethods({ call, encrypter, credentials }: QueryDeps) {
  // The pincode, and cfProprietario too, are encrypted in every query service (as in DocumentoSpesa730p).
  async function identity() {
    const encrypt = await encrypter();
    return {
      pincode: encrypt(credentials.pincode),
      Proprietario: { cfProprietario: encrypt(normalizeCodiceFiscale(credentials.cfProprietario)) },
    };
  }

  /** InterrogazionePuntuale: whether STS holds one document, and what it holds. Validates before any call. */
  async function queryDocument(id: StsDocumentId): Promise<StsDocumentQueryResult> {
    assertDocumentId(id);
    const args = { ...(await identity()), idDocumentoFiscale: idArgs(id) };
    const { exchanges, response } = await call(
      "interrogazionePuntuale",
      "interrogazionePuntuale",
      "InterrogazionePuntuale",
      args,
    );
    const read = readAnswer(exchanges, response);
    if ("failure" in read) return read.failure;
    const { answer, esito, messages } = read;
    if (esito === "1") {
      const absent = notFound(messages);
      return absent ? { kind: "absent", ...absent, messages, exchanges } : refusal(messages, exchanges);
    }
    const node = child(answer, "documentoFiscale");
    if ((esito !== "0" && esito !== "2") || !node) return malformed(exchanges);
    const document = readHeldDocument(node, id);
    if (!document) return malformed(exchanges);
    const cancelled = messages.some((m) => m.code === CANCELLED_CODE);
    return { kind: cancelled ? "cancelled" : "present", document, messages, exchanges };
  }

  /**
   * ReportMensile: the practitioner's documents of one month (`month` yyyy-MM). tipoEstrazione defaults to "I", the
   * value of STS's own kit; what each value selects is not documented by STS (docs/STS.md). An empty month is `ok`
   * with no rows.
   */
  async function getMonthlyReport(query: { month: string; tipoEstrazione?: string }): Promise<StsMonthlyReportResult> {
    const annoMese = toAnnoMese(query.month);
    const tipoEstrazione = query.tipoEstrazione ?? "I";
    assertTipoEstrazione(tipoEstrazione);
    const args = { ...(await identity()), annoMese, tipoEstrazione };
    const { exchanges, response } = await call("reportMensile", "reportMensile", "ReportMensile", args);
    const read = readAnswer(exchanges, response);
    if ("failure" in read) return read.failure;
    const { answer, esito, messages } = read;
    const base = { kind: "ok" as const, annoMese, tipoEstrazione, messages, exchanges };
    if (esito === "1") return notFound(messages) ? { ...base, header: [], rows: [] } : refusal(messages, exchanges);
    if (esito !== "0" && esito !== "2") return malformed(exchanges);
    const report = readReport(answer, exchanges);
    if ("failure" in report) return report.failure;
    try {
      return { ...base, header: report.table.header, rows: monthlyReportRows(report.table) };
    } catch (error) {
      if (error instanceof StsReportFormatError) return formatFailure(error, exchanges);
      throw error;
    }
  }

  /** DettaglioSegnalazione: the citizens' reports about one document. Validates before any call. */
  async function getCitizenReport(id: StsDocumentId): Promise<StsCitizenReportResult> {
    assertDocumentId(id);
    const args = { ...(await identity()), idDocumentoFiscale: idArgs(id) };
    const { exchanges, response } = await call(
      "dettaglioSegnalazione",
      "dettaglioSegnalazione",
      "DettaglioSegnalazione",
      args,
    );
    const read = readAnswer(exchanges, response);
    if ("failure" in read) return read.failure;
    const { answer, esito, messages } = read;
    if (esito === "1") {
      const none = notFound(messages);
      return none ? { kind: "none", ...none, messages, exchanges } : refusal(messages, exchanges);
    }
    const node = child(answer, "documentoFiscale");
    if ((esito !== "0" && esito !== "2") || !node) return malformed(exchanges);
    const document = readCitizenReportDetail(node, id);
    if (!document) return malformed(exchanges);
    return { kind: "reported", document, messages, exchanges };
  }

  /** ReportSegnalazioni: the citizens' reports received from `from` to `to` (yyyy-MM-dd, both included). */
  async function getCitizenReports(period: { from: string; to: string }): Promise<StsCitizenReportsResult> {
    assertPeriod(period.from, period.to);
    const args = {
      ...(await identity()),
      dataIniPeriodoSegnalazione: period.from,
      dataFinPeriodoSegnalazione: period.to,
    };
    const { exchanges, response } = await call("reportSegnalazioni", "reportSegnalazioni", "ReportSegnalazioni", args);
    const read = readAnswer(exchanges, response);
    if ("failure" in read) return read.failure;
    const { answer, esito, messages } = read;
    const base = { kind: "ok" as const, from: period.from, to: period.to, messages, exchanges };
    if (esito === "1") return notFound(messages) ? { ...base, header: [], rows: [] } : refusal(messages, exchanges);
    if (esito !== "0" && esito !== "2") return malformed(exchanges);
    const report = readReport(answer, exchanges);
    if ("failure" in report) return report.failure;
    try {
      return { ...base, header: report.table.header, rows: citizenReportRows(report.table) };
    } catch (error) {
      if (error instanceof StsReportFormatError) return formatFailure(error, exchanges);
      throw error;
    }
  }

  return { queryDocument, getMonthlyReport, getCitizenReport, getCitizenReports };
}
