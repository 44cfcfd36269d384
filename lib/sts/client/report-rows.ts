// Rows of the two report CSVs, read by header name. The only sighting of the monthly report's header (a test
// environment capture) is: CODICE REGIONE; CODICE ASL; CODICE SSA; CF PROPRIETARIO; PARTITA IVA; DATA EMISSIONE;
// DOCUMENTO FISCALE NUMERO; DOCUMENTO FISCALE DISPOSITIVO; DATA PAGAMENTO; PROTOCOLLO; NOME FILE; DATA INVIO;
// TIPO INVIO; TOTALE TK; TOTALE TK RIMBORSATO; TOTALE SP; TOTALE SP RIMBORSATO — one sighting, not a contract, and
// no sample of ReportSegnalazioni's CSV is public. So: aliases for the identity, totals found by pattern, and every
// other column kept in `extra`.
import { parseStsAmount } from "../amounts";
import { isIsoDate } from "../file/rules";
import type { StsDocumentId } from "../types";
import { columnsOf, normalizeHeader, StsReportFormatError, type CsvTable } from "./csv-table";
import type { StsCitizenReportRow, StsExpenseTotal, StsMonthlyReportRow } from "./query-types";

const IDENTITY = {
  pIva: ["PARTITA IVA", "P.IVA", "PIVA", "P IVA"],
  dataEmissione: ["DATA EMISSIONE", "DATA EMISSIONE DOCUMENTO"],
  dispositivo: ["DOCUMENTO FISCALE DISPOSITIVO", "DISPOSITIVO"],
  numDocumento: ["DOCUMENTO FISCALE NUMERO", "NUMERO DOCUMENTO", "NUMERO DOCUMENTO FISCALE", "NUM DOCUMENTO"],
  cfProprietario: ["CF PROPRIETARIO", "CODICE FISCALE PROPRIETARIO"],
  dataPagamento: ["DATA PAGAMENTO"],
  protocollo: ["PROTOCOLLO"],
} as const;

/** dd/MM/yyyy (optionally followed by a time), dd-MM-yyyy or yyyy-MM-dd → yyyy-MM-dd; null when none of those. */
export function reportDate(value: string | null): string | null {
  const text = (value ?? "").trim();
  if (!text) return null;
  const italian = /^(\d{2})[/-](\d{2})[/-](\d{4})\b/.exec(text);
  const iso = italian ? `${italian[3]}-${italian[2]}-${italian[1]}` : text.slice(0, 10);
  return isIsoDate(iso) ? iso : null;
}

const orNull = (value: string | null) => (value === null || value === "" ? null : value);

function requireColumns(has: (field: keyof typeof IDENTITY) => boolean, what: string): void {
  const missing = (["pIva", "dataEmissione", "numDocumento"] as const).filter((field) => !has(field));
  if (missing.length > 0)
    throw new StsReportFormatError(
      `nel ${what} mancano le colonne ${missing.map((field) => IDENTITY[field][0]).join(", ")}`,
    );
}

function readIdentity(
  take: (field: keyof typeof IDENTITY) => string | null,
  line: number,
  what: string,
): StsDocumentId {
  const dataEmissione = reportDate(take("dataEmissione"));
  const dispositivoText = orNull(take("dispositivo"));
  const dispositivo = dispositivoText === null ? 1 : Number(dispositivoText);
  const pIva = take("pIva") ?? "";
  const numDocumento = take("numDocumento") ?? "";
  if (!dataEmissione || !pIva || !numDocumento || !Number.isInteger(dispositivo))
    throw new StsReportFormatError(`riga ${line} del ${what}: identificativo del documento illeggibile`);
  return { pIva, dataEmissione, dispositivo, numDocumento };
}

/** "TOTALE SP" / "TOTALE SP RIMBORSATO" columns → the expense type they total, and whether it is the refunded one. */
function totalColumns(header: string[]) {
  return header.flatMap((name) => {
    const match = /^TOTALE ([A-Z0-9]{2,3})( RIMBORSATO)?$/.exec(normalizeHeader(name));
    return match ? [{ name, tipoSpesa: match[1], refunded: match[2] !== undefined }] : [];
  });
}

export function monthlyReportRows(table: CsvTable): StsMonthlyReportRow[] {
  const what = "report mensile";
  const columns = columnsOf(table, {
    ...IDENTITY,
    nomeFile: ["NOME FILE"],
    dataInvio: ["DATA INVIO"],
    tipoInvio: ["TIPO INVIO"],
  });
  if (table.rows.length > 0) requireColumns(columns.has, what);
  const totals = totalColumns(table.header);
  totals.forEach(({ name }) => columns.claim(name));
  return table.rows.map((row, index) => {
    const take = (field: Parameters<typeof columns.take>[1]) => columns.take(row, field);
    const line = index + 2;
    const amounts = (refunded: boolean): StsExpenseTotal[] =>
      totals
        .filter((column) => column.refunded === refunded)
        .flatMap(({ name, tipoSpesa }) => {
          const cell = row[name] ?? "";
          if (cell === "") return [];
          const amountCents = parseStsAmount(cell);
          if (amountCents === null)
            throw new StsReportFormatError(`riga ${line} del ${what}: importo "${cell}" in ${name} illeggibile`);
          return amountCents === 0 ? [] : [{ tipoSpesa, amountCents }];
        });
    return {
      id: readIdentity(take, line, what),
      cfProprietario: orNull(take("cfProprietario")),
      dataPagamento: reportDate(take("dataPagamento")),
      protocollo: orNull(take("protocollo")),
      nomeFile: orNull(take("nomeFile")),
      dataInvio: reportDate(take("dataInvio")),
      tipoInvio: orNull(take("tipoInvio")),
      totals: amounts(false),
      refundedTotals: amounts(true),
      extra: columns.extra(row),
    };
  });
}

export function citizenReportRows(table: CsvTable): StsCitizenReportRow[] {
  const what = "report delle segnalazioni";
  const columns = columnsOf(table, {
    ...IDENTITY,
    dataSegnalazione: ["DATA SEGNALAZIONE", "DATA INSERIMENTO SEGNALAZIONE"],
    segnalazione: ["SEGNALAZIONE", "SEGNALAZIONI", "DESCRIZIONE SEGNALAZIONE", "TESTO SEGNALAZIONE"],
  });
  if (table.rows.length > 0) requireColumns(columns.has, what);
  return table.rows.map((row, index) => {
    const take = (field: Parameters<typeof columns.take>[1]) => columns.take(row, field);
    return {
      id: readIdentity(take, index + 2, what),
      cfProprietario: orNull(take("cfProprietario")),
      dataPagamento: reportDate(take("dataPagamento")),
      protocollo: orNull(take("protocollo")),
      dataSegnalazione: reportDate(take("dataSegnalazione")),
      segnalazione: orNull(take("segnalazione")),
      extra: columns.extra(row),
    };
  });
}
