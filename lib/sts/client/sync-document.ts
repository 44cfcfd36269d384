import { normalizeCodiceFiscale } from "../codice-fiscale";
import { formatCents } from "../file/rules";
import type { StsDocument, StsDocumentId, StsOwner } from "../types";
import type { DocumentoSpesaOperation } from "../wsdl/documento-spesa";

const OPERATIONS: Record<StsDocument["operation"], DocumentoSpesaOperation> = {
  I: "Inserimento",
  V: "Variazione",
  R: "Rimborso",
  C: "Cancellazione",
};

function idArgs(id: StsDocumentId) {
  return {
    pIva: id.pIva,
    dataEmissione: id.dataEmissione,
    numDocumentoFiscale: { dispositivo: id.dispositivo, numDocumento: id.numDocumento },
  };
}

/** documentoSpesa of the sync service: its own element order, no flagOperazione (docs/STS-PROTOCOL.md §7). Key order =
 * XML order. */
function documentoSpesaArgs(doc: StsDocument, encrypt: (plain: string) => string) {
  const cf = doc.cfCittadino ? normalizeCodiceFiscale(doc.cfCittadino) : "";
  return {
    idSpesa: idArgs(doc.id),
    dataPagamento: doc.dataPagamento,
    ...(doc.dataPagamento < doc.id.dataEmissione ? { flagPagamentoAnticipato: 1 } : {}),
    ...(!doc.flagOpposizione && cf ? { cfCittadino: encrypt(cf) } : {}),
    voceSpesa: doc.items.map((item) => ({
      tipoSpesa: item.tipoSpesa,
      ...(item.flagTipoSpesa ? { flagTipoSpesa: item.flagTipoSpesa } : {}),
      importo: formatCents(item.amountCents),
      ...(item.aliquotaIVA !== undefined ? { aliquotaIVA: item.aliquotaIVA } : {}),
      ...(item.naturaIVA !== undefined ? { naturaIVA: item.naturaIVA } : {}),
    })),
    ...(doc.pagamentoTracciato ? { pagamentoTracciato: doc.pagamentoTracciato } : {}),
    tipoDocumento: doc.tipoDocumento,
    flagOpposizione: doc.flagOpposizione ? "1" : "0",
  };
}

/** Request arguments of the DocumentoSpesa730p operation matching the document's operation. */
export function toSyncArgs(
  doc: StsDocument,
  owner: StsOwner,
  pincodeCipher: string,
  encrypt: (plain: string) => string,
) {
  const operation = OPERATIONS[doc.operation];
  const head = {
    pincode: pincodeCipher,
    Proprietario: {
      ...(owner.codiceRegione ? { codiceRegione: owner.codiceRegione } : {}),
      ...(owner.codiceAsl ? { codiceAsl: owner.codiceAsl } : {}),
      ...(owner.codiceSSA ? { codiceSSA: owner.codiceSSA } : {}),
      cfProprietario: encrypt(normalizeCodiceFiscale(owner.cfProprietario)),
    },
  };
  switch (doc.operation) {
    case "I":
      return { operation, args: { ...head, idInserimentoDocumentoFiscale: documentoSpesaArgs(doc, encrypt) } };
    case "V":
      return { operation, args: { ...head, idVariazioneDocumentoFiscale: documentoSpesaArgs(doc, encrypt) } };
    case "R":
      return {
        operation,
        args: {
          ...head,
          idRimborsoDocumentoFiscale: idArgs(doc.refundOf as StsDocumentId),
          DocumentoSpesa: documentoSpesaArgs(doc, encrypt),
        },
      };
    case "C":
      return { operation, args: { ...head, idCancellazioneDocumentoFiscale: idArgs(doc.id) } };
  }
}
