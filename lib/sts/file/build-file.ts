import { zipSync, strToU8 } from "fflate";
import { normalizeCodiceFiscale } from "../codice-fiscale";
import { encryptForSts } from "../crypto/encrypt";
import { StsValidationError } from "../errors";
import type { StsDocument, StsDocumentId, StsExpenseItem, StsOwner } from "../types";
import { el } from "../xml";
import { MAX_ZIP_BYTES, formatCents, isValidFileName } from "./rules";
import { assertDocumentsSendable, type ValidationOptions } from "./validate-documents";

export type Encryptor = (plaintext: string) => string;

export type BuildFileOptions = ValidationOptions & {
  owner: StsOwner;
  documents: StsDocument[];
  /** Encrypts cfProprietario and cfCittadino. Give either this or certificatePem. */
  encrypt?: Encryptor;
  certificatePem?: string;
  opzionali?: { opzionale1?: string; opzionale2?: string; opzionale3?: string };
};

export type StsFile = {
  /** nomeFileAllegato, e.g. "parcella-20260312-1.zip" */
  fileName: string;
  xmlFileName: string;
  xml: string;
  zip: Uint8Array;
};

function resolveEncryptor(options: Pick<BuildFileOptions, "encrypt" | "certificatePem">): Encryptor {
  if (options.encrypt) return options.encrypt;
  const pem = options.certificatePem;
  if (!pem) throw new Error("buildStsFile: certificatePem or encrypt is required");
  return (plaintext) => encryptForSts(plaintext, pem);
}

function idElements(id: StsDocumentId): string[] {
  return [
    el("pIva", id.pIva),
    el("dataEmissione", id.dataEmissione),
    el("numDocumentoFiscale", [el("dispositivo", String(id.dispositivo)), el("numDocumento", id.numDocumento)]),
  ];
}

function voceSpesa(item: StsExpenseItem): string {
  return el("voceSpesa", [
    el("tipoSpesa", item.tipoSpesa),
    item.flagTipoSpesa ? el("flagTipoSpesa", item.flagTipoSpesa) : undefined,
    el("importo", formatCents(item.amountCents)),
    item.aliquotaIVA !== undefined ? el("aliquotaIVA", item.aliquotaIVA) : undefined,
    item.naturaIVA !== undefined ? el("naturaIVA", item.naturaIVA) : undefined,
  ]);
}

/** One documentoSpesa in the binding element order of docs/STS-PROTOCOL.md §9. */
function documentoSpesa(doc: StsDocument, encrypt: Encryptor): string {
  const paidEarly = doc.dataPagamento < doc.id.dataEmissione;
  const cf = doc.cfCittadino ? normalizeCodiceFiscale(doc.cfCittadino) : "";
  return el("documentoSpesa", [
    el("idSpesa", idElements(doc.id)),
    doc.operation === "R" && doc.refundOf ? el("idRimborso", idElements(doc.refundOf)) : undefined,
    el("dataPagamento", doc.dataPagamento),
    paidEarly ? el("flagPagamentoAnticipato", "1") : undefined,
    el("flagOperazione", doc.operation),
    // "Deve essere assente se flagOpposizione=1" (docs/STS-PROTOCOL.md §9); validation refuses the combination anyway.
    !doc.flagOpposizione && cf ? el("cfCittadino", encrypt(cf)) : undefined,
    doc.pagamentoTracciato ? el("pagamentoTracciato", doc.pagamentoTracciato) : undefined,
    el("tipoDocumento", doc.tipoDocumento),
    el("flagOpposizione", doc.flagOpposizione ? "1" : "0"),
    ...doc.items.map(voceSpesa),
  ]);
}

/** Builds the precompilata XML (no namespace, docs/STS-PROTOCOL.md §9) after validating every document. */
export function buildPrecompilataXml(options: BuildFileOptions): string {
  assertDocumentsSendable(options.owner, options.documents, options);
  const encrypt = resolveEncryptor(options);
  const { owner, opzionali = {} } = options;
  const optional = (name: "opzionale1" | "opzionale2" | "opzionale3") =>
    opzionali[name] !== undefined ? el(name, opzionali[name] as string) : undefined;
  const body = [
    optional("opzionale1"),
    optional("opzionale2"),
    optional("opzionale3"),
    el("proprietario", [
      owner.codiceRegione ? el("codiceRegione", owner.codiceRegione) : undefined,
      owner.codiceAsl ? el("codiceAsl", owner.codiceAsl) : undefined,
      owner.codiceSSA ? el("codiceSSA", owner.codiceSSA) : undefined,
      el("cfProprietario", encrypt(normalizeCodiceFiscale(owner.cfProprietario))),
    ]),
    ...options.documents.map((doc) => documentoSpesa(doc, encrypt)),
  ];
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<precompilata xsi:noNamespaceSchemaLocation="730_precompilata.xsd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    body.filter((part) => part !== undefined).join("") +
    "</precompilata>\n"
  );
}

/** Zips an XML payload as the single entry "<base>.xml" of "<base>.zip", checking name and size rules. */
export function zipStsXml(fileName: string, xml: string): StsFile {
  if (!isValidFileName(fileName)) {
    throw new StsValidationError([
      {
        documentIndex: null,
        field: "fileName",
        message: "Il nome del file deve avere da 6 a 60 caratteri senza accenti e finire con .zip.",
      },
    ]);
  }
  const xmlFileName = fileName.replace(/\.zip$/i, ".xml");
  const zip = zipSync({ [xmlFileName]: [strToU8(xml), { level: 9 }] });
  if (zip.length > MAX_ZIP_BYTES) {
    throw new StsValidationError([
      {
        documentIndex: null,
        field: "zip",
        message: `Il file compresso supera 5 MB (${(zip.length / 1048576).toFixed(1)} MB): dividere i documenti in più invii.`,
      },
    ]);
  }
  return { fileName, xmlFileName, xml, zip };
}

/** Validates, builds, encrypts and zips N documents of one owner: ready for uploadFile(). */
export function buildStsFile(options: BuildFileOptions & { fileName: string }): StsFile {
  return zipStsXml(options.fileName, buildPrecompilataXml(options));
}
