import { isValidCodiceFiscale, isValidNumericCodiceFiscale, normalizeCodiceFiscale } from "../codice-fiscale";
import { StsValidationError, type StsValidationIssue } from "../errors";
import { TIPI_SPESA, type StsDocument, type StsDocumentId, type StsOwner } from "../types";
import {
  ALIQUOTA_PATTERN,
  CODE3_PATTERN,
  CODICE_SSA_PATTERN,
  MAX_AMOUNT_CENTS,
  NATURA_PATTERN,
  NUM_DOCUMENTO_PATTERN,
  PIVA_PATTERN,
  TRACCIATO_OPTIONAL,
  isIsoDate,
} from "./rules";

export type ValidationOptions = {
  /** Check the patient CF's check character (default true). Tests turn it off to reach the simulator's S011. */
  checkCfChecksum?: boolean;
};

function docLabel(index: number, doc: StsDocument): string {
  const num = doc.id?.numDocumento ? ` n. ${doc.id.numDocumento}` : "";
  return `Documento ${index + 1}${num}`;
}

function checkId(id: StsDocumentId | undefined, label: string, field: string, add: (f: string, m: string) => void) {
  if (!id) return add(field, `${label}: identificativo del documento mancante.`);
  if (!PIVA_PATTERN.test(id.pIva ?? "")) add(`${field}.pIva`, `${label}: la partita IVA deve avere 11 cifre.`);
  if (!isIsoDate(id.dataEmissione ?? "") || id.dataEmissione < "2014-01-01") {
    add(`${field}.dataEmissione`, `${label}: data di emissione non valida (formato aaaa-mm-gg, dal 2014).`);
  }
  if (!Number.isInteger(id.dispositivo) || id.dispositivo < 1 || id.dispositivo > 999) {
    add(`${field}.dispositivo`, `${label}: il dispositivo deve essere un numero da 1 a 999 (1 per le fatture).`);
  }
  if (!NUM_DOCUMENTO_PATTERN.test(id.numDocumento ?? "")) {
    add(
      `${field}.numDocumento`,
      `${label}: il numero del documento deve avere da 1 a 20 caratteri tra lettere, cifre e _ . / \\ -.`,
    );
  }
}

function isValidPatientCf(cf: string, checkChecksum: boolean): boolean {
  if (!checkChecksum) return /^[A-Z0-9]{16}$/.test(cf) || /^[0-9]{11}$/.test(cf);
  return isValidCodiceFiscale(cf) || isValidNumericCodiceFiscale(cf);
}

/** Returns every problem that would make STS refuse the documents, in Italian. Empty when all is well. */
export function findDocumentIssues(
  owner: StsOwner,
  documents: StsDocument[],
  options: ValidationOptions = {},
): StsValidationIssue[] {
  const issues: StsValidationIssue[] = [];
  const fileIssue = (field: string, message: string) => issues.push({ documentIndex: null, field, message });
  const cfProprietario = normalizeCodiceFiscale(owner.cfProprietario ?? "");
  if (!/^[A-Z0-9]{11,16}$/.test(cfProprietario))
    fileIssue("cfProprietario", "Il codice fiscale del titolare manca o non è valido.");
  if (owner.codiceRegione !== undefined && !CODE3_PATTERN.test(owner.codiceRegione))
    fileIssue("codiceRegione", "Codice regione non valido (3 caratteri).");
  if (owner.codiceAsl !== undefined && !CODE3_PATTERN.test(owner.codiceAsl))
    fileIssue("codiceAsl", "Codice ASL non valido (3 caratteri).");
  if (owner.codiceSSA !== undefined && !CODICE_SSA_PATTERN.test(owner.codiceSSA))
    fileIssue("codiceSSA", "Codice SSA non valido (5 o 6 caratteri).");
  if (documents.length === 0) fileIssue("documents", "Nessun documento da inviare.");
  documents.forEach((doc, index) => {
    const label = docLabel(index, doc);
    const add = (field: string, message: string) => issues.push({ documentIndex: index, field, message });
    checkDocument(doc, label, add, options.checkCfChecksum ?? true);
  });
  return issues;
}

function checkDocument(doc: StsDocument, label: string, add: (f: string, m: string) => void, checkChecksum: boolean) {
  if (!["I", "V", "R", "C"].includes(doc.operation))
    add("operation", `${label}: operazione sconosciuta (I, V, R o C).`);
  checkId(doc.id, label, "id", add);
  if (doc.operation === "R") {
    checkId(doc.refundOf, `${label} (documento rimborsato)`, "refundOf", add);
    if (doc.dataPagamento !== doc.id?.dataEmissione) {
      add("dataPagamento", `${label}: per un rimborso la data di pagamento deve coincidere con la data di emissione.`);
    }
  } else if (doc.refundOf) {
    add("refundOf", `${label}: il documento rimborsato si indica solo per un rimborso (operazione R).`);
  }
  if (!isIsoDate(doc.dataPagamento ?? "") || doc.dataPagamento < "2015-01-01") {
    add("dataPagamento", `${label}: data di pagamento mancante o non valida (formato aaaa-mm-gg, dal 2015).`);
  } else if (doc.flagPagamentoAnticipato && doc.id && doc.dataPagamento >= doc.id.dataEmissione) {
    add(
      "flagPagamentoAnticipato",
      `${label}: pagamento anticipato indicato, ma la data di pagamento non precede la data del documento.`,
    );
  }
  const cf = doc.cfCittadino === undefined ? "" : normalizeCodiceFiscale(doc.cfCittadino);
  if (doc.flagOpposizione && cf) {
    add("cfCittadino", `${label}: il paziente si è opposto all'invio, quindi il codice fiscale non va trasmesso.`);
  } else if (!doc.flagOpposizione && !cf) {
    add("cfCittadino", `${label}: manca il codice fiscale del paziente (obbligatorio se non c'è opposizione).`);
  } else if (cf && !isValidPatientCf(cf, checkChecksum)) {
    add("cfCittadino", `${label}: il codice fiscale del paziente non è formalmente corretto.`);
  }
  if (doc.tipoDocumento !== "F" && doc.tipoDocumento !== "D")
    add("tipoDocumento", `${label}: tipo documento non valido (F fattura, D documento commerciale).`);
  if (doc.pagamentoTracciato !== undefined && doc.pagamentoTracciato !== "SI" && doc.pagamentoTracciato !== "NO") {
    add("pagamentoTracciato", `${label}: pagamento tracciato deve essere SI o NO.`);
  }
  const items = doc.items ?? [];
  if (items.length === 0) add("items", `${label}: serve almeno una voce di spesa.`);
  if (doc.pagamentoTracciato === undefined && items.some((item) => !TRACCIATO_OPTIONAL.has(item.tipoSpesa))) {
    add("pagamentoTracciato", `${label}: indicare se il pagamento è tracciato (SI) o in contanti (NO).`);
  }
  items.forEach((item, i) => {
    const where = `${label}, voce ${i + 1}`;
    const field = `items.${i}`;
    if (!TIPI_SPESA.includes(item.tipoSpesa)) add(`${field}.tipoSpesa`, `${where}: tipo di spesa sconosciuto.`);
    if (item.flagTipoSpesa === "1" && item.tipoSpesa !== "TK")
      add(`${field}.flagTipoSpesa`, `${where}: il flag tipo spesa 1 vale solo per i ticket (TK).`);
    if (item.flagTipoSpesa === "2" && item.tipoSpesa !== "SR")
      add(`${field}.flagTipoSpesa`, `${where}: il flag tipo spesa 2 vale solo per SR.`);
    if (!Number.isInteger(item.amountCents) || item.amountCents <= 0) {
      add(`${field}.amountCents`, `${where}: l'importo deve essere maggiore di zero (anche per i rimborsi).`);
    } else if (item.amountCents > MAX_AMOUNT_CENTS) {
      add(`${field}.amountCents`, `${where}: l'importo supera 99.999,99 €.`);
    }
    checkVat(item.naturaIVA, item.aliquotaIVA, doc.tipoDocumento, where, field, add);
  });
}

function checkVat(
  natura: string | undefined,
  aliquota: string | undefined,
  tipoDocumento: string,
  where: string,
  field: string,
  add: (f: string, m: string) => void,
) {
  if (natura !== undefined && aliquota !== undefined) {
    add(`${field}.naturaIVA`, `${where}: indicare la natura IVA oppure l'aliquota, non entrambe.`);
  } else if (natura === undefined && aliquota === undefined) {
    add(`${field}.naturaIVA`, `${where}: indicare la natura IVA (es. N4 esente) oppure l'aliquota IVA.`);
  } else if (aliquota !== undefined && (!ALIQUOTA_PATTERN.test(aliquota) || Number(aliquota) > 100)) {
    add(`${field}.aliquotaIVA`, `${where}: aliquota IVA non valida (es. 22.00).`);
  } else if (
    natura !== undefined &&
    (!NATURA_PATTERN.test(natura) || (tipoDocumento === "D" && !/^N[1-6]$/.test(natura)))
  ) {
    add(
      `${field}.naturaIVA`,
      `${where}: natura IVA non valida (es. N4, N2.2; per i documenti commerciali da N1 a N6).`,
    );
  }
}

/** Throws StsValidationError listing every problem; call before any network call. */
export function assertDocumentsSendable(owner: StsOwner, documents: StsDocument[], options?: ValidationOptions): void {
  const issues = findDocumentIssues(owner, documents, options);
  if (issues.length > 0) throw new StsValidationError(issues);
}
