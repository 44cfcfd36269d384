// InterrogazionePuntuale and ReportMensile: what the simulator holds for the asking user's cfProprietario, from
// documents sent through it (uploads and DocumentoSpesa730p) and documents planted through the admin API.
import { formatStsDouble } from "../amounts";
import { documentKey } from "../types";
import { INTERROGAZIONE_PUNTUALE_NS, REPORT_MENSILE_NS } from "../wsdl/interrogazioni";
import { childText, type XmlNode } from "../xml";
import { codeDescription, type SimulatorContext } from "./context";
import { activeDocumentsOf, heldBy, refundedTotalsOf, totalsByType, type TypeTotals } from "./held-documents";
import { processDueSubmissions } from "./processing";
import {
  OK_MESSAGE,
  callerError,
  errorMessage,
  idXml,
  messagesXml,
  queryResponse,
  requestedId,
  type QueryMessage,
} from "./query-soap";
import { monthlyReportCsv, zipCsv } from "./report-csv";
import { SoapClientFault } from "./services";
import { fields } from "./soap-xml";
import type { SimulatorUser, StoredDocument } from "./state";

const CANCELLED: QueryMessage = { code: "W010", description: codeDescription("W010"), tipo: "W" };

function totalsXml(element: string, totals: TypeTotals): string {
  return [...totals]
    .map(
      ([tipoSpesa, cents]) =>
        `<${element}>${fields([
          ["tipoSpesa", tipoSpesa],
          ["importo", formatStsDouble(cents)],
        ])}</${element}>`,
    )
    .join("");
}

function documentXml(stored: StoredDocument, refunded: TypeTotals): string {
  const { document } = stored;
  const errors = stored.messages ?? [];
  return `<documentoFiscale>${idXml(document.id)}${fields([["dataPagamento", document.dataPagamento]])}${totalsXml(
    "totaliVociSpesa",
    totalsByType(stored),
  )}${totalsXml("totaliVociSpesaRimborsate", refunded)}${fields([
    ["protocollo", stored.protocollo],
    ["nomeFile", stored.nomeFile],
    ["dataInvio", stored.dataInvio],
    ["tipoInvio", stored.tipoInvio],
  ])}${errors.length > 0 ? messagesXml(errors, "listaErroriDocumento", "errore") : ""}</documentoFiscale>`;
}

/**
 * One document by identity: esitoChiamata 0 when held; 2 with W010 after the "0" message when held but cancelled
 * (as captured in STS's test environment); 1 with WS96 when the user's owner does not hold it.
 */
export function handleInterrogazionePuntuale(ctx: SimulatorContext, user: SimulatorUser, request: XmlNode): string {
  const answer = (esito: "0" | "1" | "2", inner: string, messages: QueryMessage[]) =>
    queryResponse(INTERROGAZIONE_PUNTUALE_NS, "interrogazionePuntualeResponse", esito, inner, messages);
  const id = requestedId(request);
  const refused = callerError(ctx, user, request, false);
  if (refused) return answer("1", "", [errorMessage(refused)]);
  processDueSubmissions(ctx);
  const key = documentKey(id);
  const stored = heldBy(ctx.state, user.cfProprietario, key);
  if (!stored) return answer("1", "", [errorMessage("WS96")]);
  const inner = documentXml(stored, refundedTotalsOf(ctx.state, stored));
  return stored.cancelled ? answer("2", inner, [OK_MESSAGE, CANCELLED]) : answer("0", inner, [OK_MESSAGE]);
}

/**
 * Which documents a month's report lists (simulator choice: STS does not document tipoEstrazione): "P" those whose
 * dataPagamento falls in the month, "I" those whose last transmission (dataInvio) does. Cancelled documents are left
 * out: the report lists what STS holds for the 730.
 */
function inMonth(stored: StoredDocument, annoMese: string, tipoEstrazione: string): boolean {
  const month = `${annoMese.slice(0, 4)}-${annoMese.slice(4)}`;
  const date = tipoEstrazione === "P" ? stored.document.dataPagamento : (stored.dataInvio ?? "");
  return date.startsWith(month);
}

export function handleReportMensile(ctx: SimulatorContext, user: SimulatorUser, request: XmlNode): string {
  const answer = (esito: "0" | "1", inner: string, messages: QueryMessage[]) =>
    queryResponse(REPORT_MENSILE_NS, "reportMensileResponse", esito, inner, messages);
  const annoMese = childText(request, "annoMese") ?? "";
  const tipoEstrazione = childText(request, "tipoEstrazione") ?? "";
  if (!/^\d{4}(0[1-9]|1[0-2])$/.test(annoMese) || tipoEstrazione.length !== 1)
    throw new SoapClientFault("cvc-pattern-valid: annoMese (aaaaMM) o tipoEstrazione (1 carattere) non validi.");
  const refused = callerError(ctx, user, request, false);
  if (refused) return answer("1", "", [errorMessage(refused)]);
  if (tipoEstrazione !== "I" && tipoEstrazione !== "P") return answer("1", "", [errorMessage("X006")]);
  processDueSubmissions(ctx);
  const rows = activeDocumentsOf(ctx.state, user.cfProprietario).filter(([, stored]) =>
    inMonth(stored, annoMese, tipoEstrazione),
  );
  if (rows.length === 0) return answer("1", "", [errorMessage("WS96")]);
  const csv = monthlyReportCsv(
    rows.map(([, stored]) => stored),
    (stored) => refundedTotalsOf(ctx.state, stored),
    ctx.config.csvLayout,
  );
  const zip = Buffer.from(zipCsv(`ReportMensile_${annoMese}_${tipoEstrazione}.csv`, csv)).toString("base64");
  return answer("0", `<fileCSV>${zip}</fileCSV>`, [OK_MESSAGE]);
}
