import { strFromU8, unzipSync } from "fflate";
import type { StsDocument, StsDocumentId, StsExpenseItem, StsOperation, StsOwner, StsTipoSpesa } from "../types";
import { TIPI_SPESA } from "../types";
import { child, childText, childrenNamed, parseXml, type XmlNode } from "../xml";
import {
  ALIQUOTA_PATTERN,
  CODE3_PATTERN,
  CODICE_SSA_PATTERN,
  IMPORTO_PATTERN,
  NUM_DOCUMENTO_PATTERN,
  PIVA_PATTERN,
  isIsoDate,
  parseAmountToCents,
} from "./rules";

/** A document read back from a data file. cfCittadino is still as written in the file (encrypted). */
export type ParsedStsFile = {
  owner: StsOwner; // cfProprietario as written (encrypted)
  documents: StsDocument[];
  opzionali: { opzionale1?: string; opzionale2?: string; opzionale3?: string };
};

export class StsFileFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StsFileFormatError";
  }
}

type Particle = { name: string; min: number; max: number; check?: (text: string) => boolean; content?: Particle[] };

const one = (name: string, check?: Particle["check"], content?: Particle[]): Particle => ({
  name,
  min: 1,
  max: 1,
  check,
  content,
});
const opt = (name: string, check?: Particle["check"], content?: Particle[]): Particle => ({
  name,
  min: 0,
  max: 1,
  check,
  content,
});
const enumOf =
  (...values: string[]) =>
  (text: string) =>
    values.includes(text);
const date = (min: string) => (text: string) => isIsoDate(text) && text >= min;
const maxLen = (n: number) => (text: string) => text.length <= n;

const ID_DOCUMENTO: Particle[] = [
  one("pIva", (t) => PIVA_PATTERN.test(t)),
  one("dataEmissione", date("2014-01-01")),
  one("numDocumentoFiscale", undefined, [
    one("dispositivo", (t) => /^[0-9]{1,3}$/.test(t) && Number(t) >= 1),
    one("numDocumento", (t) => NUM_DOCUMENTO_PATTERN.test(t)),
  ]),
];

/** The schema of docs/STS-PROTOCOL.md §9 as data: the same rules as lib/sts/schemas/730_precompilata.xsd. */
const PRECOMPILATA: Particle[] = [
  opt("opzionale1"),
  opt("opzionale2"),
  opt("opzionale3"),
  one("proprietario", undefined, [
    opt("codiceRegione", (t) => CODE3_PATTERN.test(t)),
    opt("codiceAsl", (t) => CODE3_PATTERN.test(t)),
    opt("codiceSSA", (t) => CODICE_SSA_PATTERN.test(t)),
    opt("cfProprietario", maxLen(256)),
  ]),
  {
    name: "documentoSpesa",
    min: 1,
    max: Infinity,
    content: [
      one("idSpesa", undefined, ID_DOCUMENTO),
      opt("idRimborso", undefined, ID_DOCUMENTO),
      one("dataPagamento", date("2015-01-01")),
      opt("flagPagamentoAnticipato", enumOf("1")),
      one("flagOperazione", enumOf("I", "V", "R", "C")),
      opt("cfCittadino", maxLen(256)),
      opt("pagamentoTracciato", enumOf("SI", "NO")),
      opt("tipoDocumento", enumOf("F", "D")),
      opt("flagOpposizione", enumOf("0", "1")),
      {
        name: "voceSpesa",
        min: 1,
        max: Infinity,
        content: [
          one("tipoSpesa", enumOf(...TIPI_SPESA)),
          opt("flagTipoSpesa", enumOf("1", "2")),
          one("importo", (t) => IMPORTO_PATTERN.test(t) && t !== "0.00"),
          opt("aliquotaIVA", (t) => ALIQUOTA_PATTERN.test(t) && Number(t) <= 100),
          opt("naturaIVA", (t) => t.length >= 2 && t.length <= 10),
        ],
      },
    ],
  },
];

function validateSequence(node: XmlNode, particles: Particle[], path: string): void {
  let index = 0;
  for (const particle of particles) {
    let count = 0;
    while (index < node.children.length && node.children[index].name === particle.name) {
      const element = node.children[index];
      const where = `${path}/${particle.name}`;
      if (particle.content) validateSequence(element, particle.content, where);
      else if (element.children.length > 0) throw new StsFileFormatError(`${where}: contenuto non previsto`);
      else if (particle.check && !particle.check(element.text))
        throw new StsFileFormatError(`${where}: valore non valido "${element.text}"`);
      count++;
      index++;
    }
    if (count < particle.min) throw new StsFileFormatError(`${path}: manca l'elemento ${particle.name}`);
    if (count > particle.max) throw new StsFileFormatError(`${path}: elemento ${particle.name} ripetuto`);
  }
  if (index < node.children.length) {
    throw new StsFileFormatError(`${path}: elemento inatteso ${node.children[index].name}`);
  }
  if (node.name === "voceSpesa" && child(node, "aliquotaIVA") && child(node, "naturaIVA")) {
    throw new StsFileFormatError(`${path}: aliquotaIVA e naturaIVA sono alternative`);
  }
}

function readId(node: XmlNode): StsDocumentId {
  const num = child(node, "numDocumentoFiscale");
  return {
    pIva: childText(node, "pIva") ?? "",
    dataEmissione: childText(node, "dataEmissione") ?? "",
    dispositivo: Number(childText(num, "dispositivo")),
    numDocumento: childText(num, "numDocumento") ?? "",
  };
}

function readItem(node: XmlNode): StsExpenseItem {
  return {
    tipoSpesa: childText(node, "tipoSpesa") as StsTipoSpesa,
    flagTipoSpesa: childText(node, "flagTipoSpesa") as StsExpenseItem["flagTipoSpesa"],
    amountCents: parseAmountToCents(childText(node, "importo") ?? "") ?? 0,
    aliquotaIVA: childText(node, "aliquotaIVA"),
    naturaIVA: childText(node, "naturaIVA"),
  };
}

function readDocument(node: XmlNode): StsDocument {
  const refund = child(node, "idRimborso");
  return {
    operation: childText(node, "flagOperazione") as StsOperation,
    id: readId(child(node, "idSpesa") as XmlNode),
    refundOf: refund ? readId(refund) : undefined,
    dataPagamento: childText(node, "dataPagamento") ?? "",
    flagPagamentoAnticipato: childText(node, "flagPagamentoAnticipato") === "1" || undefined,
    cfCittadino: childText(node, "cfCittadino"),
    pagamentoTracciato: childText(node, "pagamentoTracciato") as StsDocument["pagamentoTracciato"],
    tipoDocumento: (childText(node, "tipoDocumento") ?? "F") as StsDocument["tipoDocumento"],
    flagOpposizione: childText(node, "flagOpposizione") === "1",
    items: childrenNamed(node, "voceSpesa").map(readItem),
  };
}

/** Parses and schema-checks a precompilata XML; throws StsFileFormatError with the first violation. */
export function parsePrecompilataXml(xml: string): ParsedStsFile {
  let root: XmlNode;
  try {
    root = parseXml(xml);
  } catch (error) {
    throw new StsFileFormatError((error as Error).message);
  }
  if (root.name !== "precompilata") throw new StsFileFormatError(`elemento radice inatteso ${root.name}`);
  validateSequence(root, PRECOMPILATA, "/precompilata");
  const owner = child(root, "proprietario");
  return {
    owner: {
      cfProprietario: childText(owner, "cfProprietario") ?? "",
      codiceRegione: childText(owner, "codiceRegione"),
      codiceAsl: childText(owner, "codiceAsl"),
      codiceSSA: childText(owner, "codiceSSA"),
    },
    documents: childrenNamed(root, "documentoSpesa").map(readDocument),
    opzionali: {
      opzionale1: childText(root, "opzionale1"),
      opzionale2: childText(root, "opzionale2"),
      opzionale3: childText(root, "opzionale3"),
    },
  };
}

/** Entries of a ZIP archive; throws when the bytes are not a readable ZIP. */
export function unzipEntries(zip: Uint8Array): Record<string, Uint8Array> {
  try {
    return unzipSync(zip);
  } catch (error) {
    throw new StsFileFormatError(`archivio ZIP non leggibile: ${(error as Error).message}`);
  }
}

/** Reads the single XML entry of an STS ZIP and parses it. */
export function parseStsZip(zip: Uint8Array): ParsedStsFile & { xmlFileName: string } {
  const entries = Object.entries(unzipEntries(zip)).filter(([name]) => !name.endsWith("/"));
  const xmlEntries = entries.filter(([name]) => /\.xml$/i.test(name));
  if (entries.length !== 1 || xmlEntries.length !== 1) {
    throw new StsFileFormatError("lo ZIP deve contenere un solo file XML");
  }
  const [xmlFileName, bytes] = xmlEntries[0];
  return { ...parsePrecompilataXml(strFromU8(bytes)), xmlFileName };
}
