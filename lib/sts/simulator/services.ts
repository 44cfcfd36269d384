import { strFromU8 } from "fflate";
import { STS_STATI } from "../codes";
import { parseStsZip, unzipEntries } from "../file/parse-file";
import { MAX_ZIP_BYTES, isValidFileName, parseAmountToCents } from "../file/rules";
import { documentKey, type StsDocument, type StsDocumentId, type StsExpenseItem, type StsOperation } from "../types";
import { DOCUMENTO_SPESA_NS, DOCUMENTO_SPESA_OPERATIONS } from "../wsdl/documento-spesa";
import { INVIO_TELEMATICO_NS } from "../wsdl/invio-telematico";
import { DETTAGLIO_ERRORI_NS, ESITO_INVII_NS, RICEVUTA_PDF_NS } from "../wsdl/ricevute";
import { child, childText, childrenNamed, type XmlNode } from "../xml";
import {
  checkPincode,
  codeDescription,
  decrypt,
  nextProtocollo,
  persist,
  stsTimestamp,
  type SimulatorContext,
} from "./context";
import { applyDocument } from "./document-rules";
import { buildErrorZip, pendingStato, processDueSubmissions, ruleContextFor } from "./processing";
import { buildReceiptPdf } from "./receipt-pdf";
import { envelope, fields } from "./soap-xml";
import type { SimulatorUser, Submission } from "./state";

export class SoapClientFault extends Error {}

/** nomeFile of documents sent through DocumentoSpesa730p, as InterrogazionePuntuale reports it (test environment). */
export const SYNC_FILE_NAME = "SERVIZIO SINCRONO";

const UPLOAD_OK = "Il file è in attesa di elaborazione, per conoscerne l'esito è necessario verificare la ricevuta";

function uploadResponse(ricevuta: Array<[string, string | number | undefined]>): string {
  return envelope(
    `<ns2:inviaFileMtomResponse xmlns:ns2="${INVIO_TELEMATICO_NS}"><return>${fields(ricevuta)}</return></ns2:inviaFileMtomResponse>`,
  );
}

// <precompilata> whose first child <proprietario> starts with <cfProprietario>: where the full parse reads the owner.
const LEADING_OWNER =
  /^\s*(?:<\?xml[^>]*\?>)?\s*<(?:[\w.-]+:)?precompilata\b[^>]*>\s*<(?:[\w.-]+:)?proprietario\b[^>]*>\s*<(?:[\w.-]+:)?cfProprietario>([^<]*)</;

/** The encrypted cfProprietario at the head of an STS ZIP's XML, or null when the file does not start that way. */
export function leadingOwnerCipher(zip: Uint8Array): string | null {
  try {
    const entries = Object.values(unzipEntries(zip));
    return (entries.length === 1 && LEADING_OWNER.exec(strFromU8(entries[0]!))?.[1]) || null;
  } catch {
    return null;
  }
}

/**
 * Upload's quick owner check: true when the file's leading cfProprietario decrypts to the user's CF. Then the full
 * parse (25 documents, the largest part of an upload's CPU) would not reject either, whether the rest of the file is
 * readable or not; any other case goes through the full parse, so the answer is the same as with it alone.
 */
function ownerMatches(ctx: SimulatorContext, user: SimulatorUser, zip: Buffer): boolean {
  const cipher = leadingOwnerCipher(zip);
  try {
    return cipher !== null && decrypt(ctx, cipher).toUpperCase() === user.cfProprietario;
  } catch {
    return false;
  }
}

/** inviaFileMtom (docs/STS-PROTOCOL.md §3): synchronous checks, then the file waits for asynchronous processing. */
export function handleUpload(
  ctx: SimulatorContext,
  user: SimulatorUser,
  request: XmlNode,
  attachments: Map<string, Buffer>,
): string {
  const fileName = childText(request, "nomeFileAllegato") ?? "";
  const documento = child(request, "documento");
  if (!child(request, "pincodeInvianteCifrato") || !documento) {
    throw new SoapClientFault(`cvc-complex-type.2.4.b: The content of element 'inviaFileMtom' is not complete.`);
  }
  const include = child(documento, "Include");
  const href = include?.attributes.href ?? "";
  const zip = include
    ? (attachments.get(decodeURIComponent(href.replace(/^cid:/, ""))) ?? Buffer.alloc(0))
    : Buffer.from(documento.text.replace(/\s+/g, ""), "base64");
  const now = ctx.now();
  const reject = (code: string) => {
    ctx.log(`inviaFileMtom ${user.username}: codiceEsito ${code}`);
    return uploadResponse([
      ["codiceEsito", code],
      ["dataAccoglienza", stsTimestamp(now)],
      ["descrizioneEsito", codeDescription(code)],
      ["dimensioneFileAllegato", zip.length],
      ["nomeFileAllegato", fileName],
      ["protocollo", ""],
      ["idErrore", String(now.getTime())],
    ]);
  };
  const pinError = checkPincode(ctx, user, childText(request, "pincodeInvianteCifrato"));
  if (pinError) return reject(pinError);
  const cfInRequest = childText(child(request, "datiProprietario"), "cfProprietario");
  if (cfInRequest && cfInRequest.toUpperCase() !== user.cfProprietario) return reject("010");
  if (!isValidFileName(fileName)) return reject("101");
  if (zip.length === 0) return reject("103");
  if (zip.length > MAX_ZIP_BYTES) return reject("108");
  if (zip.subarray(0, 4).toString("latin1") !== "PK\u0003\u0004") return reject("102");
  if (!ownerMatches(ctx, user, zip)) {
    try {
      const cfInFile = parseStsZip(zip).owner.cfProprietario;
      if (cfInFile && decrypt(ctx, cfInFile).toUpperCase() !== user.cfProprietario) return reject("110");
    } catch {
      // Unreadable content is judged by the asynchronous processing (stato 5), as STS does.
    }
  }
  const protocollo = nextProtocollo(ctx);
  ctx.state.submissions.push({
    protocollo,
    username: user.username,
    cfProprietario: user.cfProprietario,
    fileName,
    size: zip.length,
    receivedAt: now.toISOString(),
    zipBase64: zip.toString("base64"),
    result: null,
  });
  persist(ctx);
  ctx.log(`inviaFileMtom ${user.username}: accolto, protocollo ${protocollo}`);
  return uploadResponse([
    ["codiceEsito", "000"],
    ["dataAccoglienza", stsTimestamp(now)],
    ["descrizioneEsito", UPLOAD_OK],
    ["dimensioneFileAllegato", zip.length],
    ["nomeFileAllegato", fileName],
    ["protocollo", protocollo],
    ["idErrore", ""],
  ]);
}

function receiptResponse(
  ns: string,
  operation: string,
  esito: "0" | "1",
  inner: string,
  descrizioneEsito?: string,
): string {
  const descr = descrizioneEsito === undefined ? "" : fields([["descrizioneEsito", descrizioneEsito]]);
  return envelope(
    `<ns2:${operation}Response xmlns:ns2="${ns}"><DatiOutputRichiesta><esitoChiamata>${esito}</esitoChiamata>${descr}${inner}</DatiOutputRichiesta></ns2:${operation}Response>`,
  );
}

function negative(code: string): string {
  return `<esitiNegativi><dettaglioEsitoNegativo>${fields([
    ["codice", code],
    ["descrizione", codeDescription(code)],
  ])}</dettaglioEsitoNegativo></esitiNegativi>`;
}

function fromStsDate(value: string | undefined): string | null {
  const match = /^(\d{2})-(\d{2})-(\d{4})$/.exec(value ?? "");
  return match ? `${match[3]}-${match[2]}-${match[1]}` : null;
}

function findSubmission(
  ctx: SimulatorContext,
  user: SimulatorUser,
  protocollo: string | undefined,
): Submission | undefined {
  return ctx.state.submissions.find((s) => s.protocollo === protocollo && s.username === user.username);
}

function submissionDetail(ctx: SimulatorContext, s: Submission): string {
  const stato = s.result?.stato ?? pendingStato(ctx, s);
  return `<dettagliEsito>${fields([
    ["protocollo", s.protocollo],
    ["dataInvio", stsTimestamp(new Date(s.receivedAt))],
    ["stato", stato],
    ["descrizione", STS_STATI[stato].description],
    ["nInviati", s.result?.nInviati ?? 0],
    ["nAccolti", s.result?.nAccolti ?? 0],
    ["nWarnings", s.result?.nWarnings ?? 0],
    ["nErrori", s.result?.nErrori ?? 0],
  ])}</dettagliEsito>`;
}

/** EsitoInvii by protocollo or by date range (docs/STS-PROTOCOL.md §4). Nothing found → esitoChiamata 1 + WS96
 * (simulator choice). */
export function handleEsitoInvii(ctx: SimulatorContext, user: SimulatorUser, request: XmlNode): string {
  const input = child(request, "DatiInputRichiesta");
  const answer = (esito: "0" | "1", inner: string, descr: string) =>
    receiptResponse(ESITO_INVII_NS, "EsitoInvii", esito, inner, descr);
  const pinError = checkPincode(ctx, user, childText(input, "pinCode"));
  if (pinError) return answer("1", negative(pinError), codeDescription(pinError));
  processDueSubmissions(ctx);
  const protocollo = childText(input, "protocollo");
  const from = fromStsDate(childText(input, "dataInizio"));
  const to = fromStsDate(childText(input, "dataFine"));
  if (!protocollo === !(from && to)) return answer("1", negative("X005"), codeDescription("X005"));
  const found = protocollo
    ? [findSubmission(ctx, user, protocollo)].filter((s): s is Submission => s !== undefined)
    : ctx.state.submissions.filter((s) => {
        const day = stsTimestamp(new Date(s.receivedAt)).slice(0, 10).split("-").reverse().join("-");
        return s.username === user.username && day >= (from as string) && day <= (to as string);
      });
  if (found.length === 0) return answer("1", negative("WS96"), codeDescription("WS96"));
  return answer("0", `<esitiPositivi>${found.map((s) => submissionDetail(ctx, s)).join("")}</esitiPositivi>`, " ");
}

/** DettaglioErrori (docs/STS-PROTOCOL.md §5): CSV zip when processed with messages; WS37 for a discarded file; WS96
 * otherwise. */
export function handleDettaglioErrori(ctx: SimulatorContext, user: SimulatorUser, request: XmlNode): string {
  const input = child(request, "DatiInputRichiesta");
  const answer = (esito: "0" | "1", inner: string) =>
    receiptResponse(DETTAGLIO_ERRORI_NS, "DettaglioErrori", esito, inner);
  const pinError = checkPincode(ctx, user, childText(input, "pinCode"));
  if (pinError) return answer("1", negative(pinError));
  processDueSubmissions(ctx);
  const submission = findSubmission(ctx, user, childText(input, "protocollo"));
  if (submission?.result?.stato === 5) return answer("1", negative("WS37"));
  if (!submission?.result || submission.result.rows.length === 0) return answer("1", negative("WS96"));
  const csv = Buffer.from(buildErrorZip(submission)).toString("base64");
  return answer("0", `<esitiPositivi><dettagliEsito><csv>${csv}</csv></dettagliEsito></esitiPositivi>`);
}

/** RicevutaPdf (docs/STS-PROTOCOL.md §6): a PDF once the file is processed. */
export async function handleRicevutaPdf(ctx: SimulatorContext, user: SimulatorUser, request: XmlNode): Promise<string> {
  const input = child(request, "DatiInputRichiesta");
  const answer = (esito: "0" | "1", inner: string) => receiptResponse(RICEVUTA_PDF_NS, "RicevutaPdf", esito, inner);
  const pinError = checkPincode(ctx, user, childText(input, "pinCode"));
  if (pinError) return answer("1", negative(pinError));
  processDueSubmissions(ctx);
  const submission = findSubmission(ctx, user, childText(input, "protocollo"));
  if (!submission?.result) return answer("1", negative("WS96"));
  const pdf = await buildReceiptPdf(submission, stsTimestamp(new Date(submission.receivedAt)));
  return answer(
    "0",
    `<esitiPositivi><dettagliEsito><pdf>${Buffer.from(pdf).toString("base64")}</pdf></dettagliEsito></esitiPositivi>`,
  );
}

export function readSyncId(node: XmlNode | undefined): StsDocumentId {
  const num = child(node, "numDocumentoFiscale");
  return {
    pIva: childText(node, "pIva") ?? "",
    dataEmissione: childText(node, "dataEmissione") ?? "",
    dispositivo: Number(childText(num, "dispositivo")),
    numDocumento: childText(num, "numDocumento") ?? "",
  };
}

function readSyncDocument(node: XmlNode | undefined, operation: StsOperation): StsDocument {
  return {
    operation,
    id: readSyncId(child(node, "idSpesa")),
    dataPagamento: childText(node, "dataPagamento") ?? "",
    flagPagamentoAnticipato: childText(node, "flagPagamentoAnticipato") === "1" || undefined,
    cfCittadino: childText(node, "cfCittadino"),
    pagamentoTracciato: childText(node, "pagamentoTracciato") as StsDocument["pagamentoTracciato"],
    tipoDocumento: (childText(node, "tipoDocumento") ?? "F") as StsDocument["tipoDocumento"],
    flagOpposizione: childText(node, "flagOpposizione") === "1",
    items: childrenNamed(node, "voceSpesa").map((v): StsExpenseItem => ({
      tipoSpesa: childText(v, "tipoSpesa") as StsExpenseItem["tipoSpesa"],
      amountCents: parseAmountToCents(childText(v, "importo") ?? "") ?? 0,
      naturaIVA: childText(v, "naturaIVA"),
      aliquotaIVA: childText(v, "aliquotaIVA"),
    })),
  };
}

const SYNC_OPERATIONS: Record<string, StsOperation> = {
  inserimentoDocumentoSpesaRequest: "I",
  variazioneDocumentoSpesaRequest: "V",
  rimborsoDocumentoSpesaRequest: "R",
  cancellazioneDocumentoSpesaRequest: "C",
};

type SyncMessage = { code: string; description: string; tipo: string };

function syncResponse(
  operation: StsOperation,
  esito: "0" | "1" | "2",
  protocollo: string | undefined,
  messages: SyncMessage[],
): string {
  const name = Object.values(DOCUMENTO_SPESA_OPERATIONS).find((o) => SYNC_OPERATIONS[o.request] === operation)
    ?.response as string;
  const list = messages
    .map(
      (m) =>
        `<messaggio>${fields([
          ["codice", m.code],
          ["descrizione", m.description],
        ])}${m.tipo ? `<tipo>${m.tipo}</tipo>` : "<tipo/>"}</messaggio>`,
    )
    .join("");
  return envelope(
    `<${name} xmlns="${DOCUMENTO_SPESA_NS}">${fields([
      ["esitoChiamata", esito],
      ["protocollo", protocollo],
    ])}<listaMessaggi>${list}</listaMessaggi></${name}>`,
  );
}

/** DocumentoSpesa730p: the same document rules, answered at once with esitoChiamata 0/1/2 (docs/STS-PROTOCOL.md §7). */
export function handleDocumentoSpesa(ctx: SimulatorContext, user: SimulatorUser, request: XmlNode): string {
  const operation = SYNC_OPERATIONS[request.name];
  if (!operation) throw new SoapClientFault(`Operazione non prevista: ${request.name}`);
  const reject = (code: string) =>
    syncResponse(operation, "1", undefined, [{ code, description: codeDescription(code), tipo: "E" }]);
  const pinError = checkPincode(ctx, user, childText(request, "pincode"));
  if (pinError) return reject(pinError);
  try {
    const cf = decrypt(ctx, childText(child(request, "Proprietario"), "cfProprietario") ?? "");
    if (cf.toUpperCase() !== user.cfProprietario) return reject("110");
  } catch {
    return reject("110");
  }
  processDueSubmissions(ctx);
  let document: StsDocument;
  if (operation === "C") {
    const id = readSyncId(child(request, "idCancellazioneDocumentoFiscale"));
    const held = ctx.state.documents[documentKey(id)]?.document;
    document = held
      ? { ...held, operation: "C", cfCittadino: undefined }
      : { operation: "C", id, dataPagamento: id.dataEmissione, tipoDocumento: "F", flagOpposizione: false, items: [] };
  } else if (operation === "R") {
    document = {
      ...readSyncDocument(child(request, "DocumentoSpesa"), "R"),
      refundOf: readSyncId(child(request, "idRimborsoDocumentoFiscale")),
    };
  } else {
    const payload = operation === "I" ? "idInserimentoDocumentoFiscale" : "idVariazioneDocumentoFiscale";
    document = readSyncDocument(child(request, payload), operation);
  }
  const protocollo = nextProtocollo(ctx);
  const transmission = { fileName: SYNC_FILE_NAME, sentAt: ctx.now() };
  const messages = applyDocument(document, ruleContextFor(ctx, protocollo, user.cfProprietario, transmission));
  persist(ctx);
  // A rejected call answers without protocollo (docs/STS-PROTOCOL.md §7); the sequence number is simply skipped.
  if (messages.some((m) => m.tipo === "E")) return syncResponse(operation, "1", undefined, messages);
  const ok = { code: "0", description: "Operazione eseguita correttamente", tipo: "" };
  return syncResponse(operation, messages.length > 0 ? "2" : "0", protocollo, [...messages, ok]);
}
