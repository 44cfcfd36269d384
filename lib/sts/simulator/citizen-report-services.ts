// DettaglioSegnalazione and ReportSegnalazioni: the citizens' reports planted through the admin API
// (POST /__admin/citizen-reports), for documents the asking user's cfProprietario holds.
import { formatStsDouble } from "../amounts";
import { isIsoDate } from "../file/rules";
import { documentKey } from "../types";
import { DETTAGLIO_SEGNALAZIONE_NS, REPORT_SEGNALAZIONI_NS } from "../wsdl/interrogazioni";
import { childText, type XmlNode } from "../xml";
import type { SimulatorContext } from "./context";
import { heldBy, refundedTotalsOf, totalsByType, type TypeTotals } from "./held-documents";
import { processDueSubmissions } from "./processing";
import {
  OK_MESSAGE,
  callerError,
  errorMessage,
  idXml,
  queryResponse,
  requestedId,
  type QueryMessage,
} from "./query-soap";
import { citizenReportsCsv, zipCsv } from "./report-csv";
import { SoapClientFault } from "./services";
import { fields } from "./soap-xml";
import type { CitizenReport, SimulatorUser } from "./state";

type Voce = CitizenReport["voci"][number];

function vociXml(element: string, totals: TypeTotals, voci: Map<string, Voce>): string {
  return [...totals]
    .map(([tipoSpesa, cents]) => {
      const voce = voci.get(tipoSpesa);
      return `<${element}>${fields([
        ["tipoSpesa", tipoSpesa],
        ["importo", formatStsDouble(cents)],
        ["segnalazioneImporto", voce?.segnalazioneImporto],
        ["segnalazioneTipoVoceSpesa", voce?.segnalazioneTipoVoceSpesa],
      ])}</${element}>`;
    })
    .join("");
}

/** One document's reports: esitoChiamata 0 with the document and every report about it, else 1 with WS96. */
export function handleDettaglioSegnalazione(ctx: SimulatorContext, user: SimulatorUser, request: XmlNode): string {
  const answer = (esito: "0" | "1", inner: string, messages: QueryMessage[]) =>
    queryResponse(DETTAGLIO_SEGNALAZIONE_NS, "dettaglioSegnalazioneResponse", esito, inner, messages);
  const id = requestedId(request);
  const refused = callerError(ctx, user, request, true);
  if (refused) return answer("1", "", [errorMessage(refused)]);
  processDueSubmissions(ctx);
  const key = documentKey(id);
  const stored = heldBy(ctx.state, user.cfProprietario, key);
  const reports = ctx.state.citizenReports.filter((r) => r.key === key && r.owner === user.cfProprietario);
  if (!stored || reports.length === 0) return answer("1", "", [errorMessage("WS96")]);
  const texts = reports.flatMap((r) => r.segnalazioni);
  const voci = new Map(reports.flatMap((r) => r.voci).map((v) => [v.tipoSpesa, v]));
  const inner = `<documentoFiscale>${idXml(stored.document.id)}${fields([
    ["dataPagamento", stored.document.dataPagamento],
    ["dataInvio", stored.dataInvio],
    ["protocollo", stored.protocollo],
    ["nomeFile", stored.nomeFile],
  ])}${
    texts.length > 0
      ? `<listaSegnalazioniDocumento>${texts.map((t) => fields([["segnalazione", t]])).join("")}</listaSegnalazioniDocumento>`
      : ""
  }${vociXml("listaVociSpesa", totalsByType(stored), voci)}${vociXml(
    "listaVociSpesaRimborsate",
    refundedTotalsOf(ctx.state, stored),
    new Map(),
  )}</documentoFiscale>`;
  return answer("0", inner, [OK_MESSAGE]);
}

/** Reports received from dataIniPeriodoSegnalazione to dataFinPeriodoSegnalazione, both included, as a zipped CSV. */
export function handleReportSegnalazioni(ctx: SimulatorContext, user: SimulatorUser, request: XmlNode): string {
  const answer = (esito: "0" | "1", inner: string, messages: QueryMessage[]) =>
    queryResponse(REPORT_SEGNALAZIONI_NS, "reportSegnalazioniResponse", esito, inner, messages);
  const from = childText(request, "dataIniPeriodoSegnalazione") ?? "";
  const to = childText(request, "dataFinPeriodoSegnalazione") ?? "";
  if (!isIsoDate(from) || !isIsoDate(to))
    throw new SoapClientFault(
      "cvc-datatype-valid: dataIniPeriodoSegnalazione / dataFinPeriodoSegnalazione non valide.",
    );
  const refused = callerError(ctx, user, request, true);
  if (refused) return answer("1", "", [errorMessage(refused)]);
  if (from > to) return answer("1", "", [errorMessage("X006")]);
  processDueSubmissions(ctx);
  const reports = ctx.state.citizenReports
    .filter((r) => r.owner === user.cfProprietario && r.dataSegnalazione >= from && r.dataSegnalazione <= to)
    .sort((a, b) => (a.dataSegnalazione < b.dataSegnalazione ? -1 : a.dataSegnalazione > b.dataSegnalazione ? 1 : 0));
  if (reports.length === 0) return answer("1", "", [errorMessage("WS96")]);
  const csv = citizenReportsCsv(reports, ctx.state, ctx.config.csvLayout);
  const zip = Buffer.from(zipCsv(`ReportSegnalazioni_${from}_${to}.csv`, csv)).toString("base64");
  return answer("0", `<fileCSV>${zip}</fileCSV>`, [OK_MESSAGE]);
}
