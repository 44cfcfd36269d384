// Inputs of the query services, checked before any call (like sendDocument): what STS's schemas would refuse with a
// SOAP fault is refused here with an Italian message per field.
import { StsValidationError, type StsValidationIssue } from "../errors";
import { NUM_DOCUMENTO_PATTERN, PIVA_PATTERN, isIsoDate } from "../file/rules";
import type { StsDocumentId } from "../types";

function fail(issues: StsValidationIssue[]): void {
  if (issues.length > 0) throw new StsValidationError(issues);
}

const issue = (field: string, message: string): StsValidationIssue => ({ documentIndex: null, field, message });

export function documentIdIssues(id: StsDocumentId): StsValidationIssue[] {
  const issues: StsValidationIssue[] = [];
  if (!PIVA_PATTERN.test(id.pIva)) issues.push(issue("pIva", "La partita IVA deve avere 11 cifre."));
  if (!isIsoDate(id.dataEmissione) || id.dataEmissione < "2014-01-01")
    issues.push(issue("dataEmissione", "La data di emissione deve essere una data valida (aaaa-mm-gg) dal 2014."));
  if (!Number.isInteger(id.dispositivo) || id.dispositivo < 1 || id.dispositivo > 999)
    issues.push(issue("dispositivo", "Il dispositivo deve essere un numero intero da 1 a 999."));
  if (!NUM_DOCUMENTO_PATTERN.test(id.numDocumento))
    issues.push(
      issue("numDocumento", "Il numero del documento deve avere da 1 a 20 caratteri tra lettere, cifre e _ . / \\ -."),
    );
  return issues;
}

export function assertDocumentId(id: StsDocumentId): void {
  fail(documentIdIssues(id));
}

/** "2026-03" or "202603" → "202603" (annoMese of ReportMensile). */
export function toAnnoMese(month: string): string {
  const match = /^(\d{4})-?(0[1-9]|1[0-2])$/.exec(month.trim());
  if (!match || match[1] < "2014")
    throw new StsValidationError([issue("annoMese", "Il mese deve essere nella forma aaaa-mm (dal 2014).")]);
  return `${match[1]}${match[2]}`;
}

export function assertTipoEstrazione(tipo: string): void {
  if (!/^[A-Z]$/.test(tipo))
    throw new StsValidationError([
      issue("tipoEstrazione", "Il tipo di estrazione è una sola lettera maiuscola (es. I o P)."),
    ]);
}

export function assertPeriod(from: string, to: string): void {
  const issues: StsValidationIssue[] = [];
  if (!isIsoDate(from)) issues.push(issue("from", "La data di inizio deve essere una data valida (aaaa-mm-gg)."));
  if (!isIsoDate(to)) issues.push(issue("to", "La data di fine deve essere una data valida (aaaa-mm-gg)."));
  if (issues.length === 0 && from > to)
    issues.push(issue("to", "La data di fine non può precedere la data di inizio."));
  fail(issues);
}
