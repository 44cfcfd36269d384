// documentoFiscale of InterrogazionePuntuale and DettaglioSegnalazione → typed values. Every field is optional in
// STS's schemas: a missing one is null, but an amount that is present and unreadable makes the answer malformed.
import { describeStsCode } from "../codes";
import { parseStsAmount } from "../amounts";
import type { StsDocumentId } from "../types";
import { child, childText, childrenNamed, type XmlNode } from "../xml";
import type { StsCitizenReportDetail, StsExpenseTotal, StsHeldDocument, StsReportedItem } from "./query-types";
import { reportDate } from "./report-rows";
import type { StsMessage } from "./sts-client";

/** listaMessaggi/messaggio or listaErroriDocumento/errore: {codice, descrizione, tipo}, with the catalogue's reading. */
export function readMessages(list: XmlNode | undefined, name = "messaggio"): StsMessage[] {
  return childrenNamed(list, name).map((m) => {
    const code = childText(m, "codice") ?? "";
    const description = childText(m, "descrizione") ?? "";
    return { code, description, tipo: childText(m, "tipo") ?? "", info: describeStsCode(code, description) };
  });
}

class UnreadableAmount extends Error {}

const text = (node: XmlNode | undefined, name: string): string | null => {
  const value = childText(node, name);
  return value === undefined || value === "" ? null : value;
};

function amount(value: string | null): number | null {
  if (value === null) return null;
  const cents = parseStsAmount(value);
  if (cents === null) throw new UnreadableAmount(value);
  return cents;
}

/** The document's identity as STS echoes it, or the one asked for when the answer leaves it out. */
function readId(node: XmlNode | undefined, asked: StsDocumentId): StsDocumentId {
  if (!node) return asked;
  const num = child(node, "numDocumentoFiscale");
  const dispositivo = Number(text(num, "dispositivo"));
  return {
    pIva: text(node, "pIva") ?? asked.pIva,
    dataEmissione: reportDate(text(node, "dataEmissione")) ?? asked.dataEmissione,
    dispositivo: Number.isInteger(dispositivo) && dispositivo > 0 ? dispositivo : asked.dispositivo,
    numDocumento: text(num, "numDocumento") ?? asked.numDocumento,
  };
}

function totals(node: XmlNode, name: string): StsExpenseTotal[] {
  return childrenNamed(node, name).map((total) => ({
    tipoSpesa: text(total, "tipoSpesa") ?? "",
    amountCents: amount(text(total, "importo")) ?? 0,
  }));
}

export function readHeldDocument(node: XmlNode, asked: StsDocumentId): StsHeldDocument | null {
  try {
    return {
      id: readId(child(node, "idDocumentoFiscale"), asked),
      dataPagamento: reportDate(text(node, "dataPagamento")),
      totals: totals(node, "totaliVociSpesa"),
      refundedTotals: totals(node, "totaliVociSpesaRimborsate"),
      protocollo: text(node, "protocollo"),
      nomeFile: text(node, "nomeFile"),
      dataInvio: reportDate(text(node, "dataInvio")),
      tipoInvio: text(node, "tipoInvio"),
      errors: readMessages(child(node, "listaErroriDocumento"), "errore"),
    };
  } catch (error) {
    if (error instanceof UnreadableAmount) return null;
    throw error;
  }
}

function reportedItems(node: XmlNode, name: string): StsReportedItem[] {
  return childrenNamed(node, name).map((item) => ({
    tipoSpesa: text(item, "tipoSpesa"),
    amountCents: amount(text(item, "importo")),
    reportedAmount: text(item, "segnalazioneImporto"),
    reportedTipoSpesa: text(item, "segnalazioneTipoVoceSpesa"),
  }));
}

export function readCitizenReportDetail(node: XmlNode, asked: StsDocumentId): StsCitizenReportDetail | null {
  try {
    return {
      id: readId(child(node, "idDocumentoFiscale"), asked),
      dataPagamento: reportDate(text(node, "dataPagamento")),
      dataInvio: reportDate(text(node, "dataInvio")),
      protocollo: text(node, "protocollo"),
      nomeFile: text(node, "nomeFile"),
      reports: childrenNamed(child(node, "listaSegnalazioniDocumento"), "segnalazione")
        .map((s) => s.text)
        .filter((s) => s !== ""),
      items: reportedItems(node, "listaVociSpesa"),
      refundedItems: reportedItems(node, "listaVociSpesaRimborsate"),
    };
  } catch (error) {
    if (error instanceof UnreadableAmount) return null;
    throw error;
  }
}
