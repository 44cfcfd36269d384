// The simulator's report CSVs. STS documents no column list for either (docs/STS.md, "Query services"): the monthly
// report copies the one header sighted in STS's test environment; the citizen reports' columns are a simulator choice.
// Layout "reordered" reverses the columns and adds one the client does not know, so tests can prove that the client
// reads by header name and keeps unknown columns.
import { strToU8, zipSync } from "fflate";
import { formatStsDouble } from "../amounts";
import type { SimulatorState, StoredDocument, CitizenReport } from "./state";
import type { TypeTotals } from "./held-documents";
import { totalsByType } from "./held-documents";

export type CsvLayout = "standard" | "reordered";

/** Expense types whose TOTALE columns are always present (the sighted header has exactly these two). */
const ALWAYS_TOTALLED = ["TK", "SP"];

function csvDate(isoDate: string | undefined): string {
  if (!isoDate) return "";
  const [y, m, d] = isoDate.split("-");
  return `${d}/${m}/${y}`;
}

function csvCell(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Header "; "-separated with a trailing ";" and rows ";"-separated, as in the sighted monthly report. */
function writeCsv(columns: string[], rows: Array<Record<string, string>>, layout: CsvLayout): string {
  let names = columns;
  let records = rows;
  if (layout === "reordered") {
    names = ["NOTE SIMULATORE", ...[...columns].reverse()];
    records = rows.map((row) => ({ ...row, "NOTE SIMULATORE": "colonna non documentata" }));
  }
  const header = names.map((name) => `${name}; `).join("");
  const lines = records.map((row) => names.map((name) => `${csvCell(row[name] ?? "")};`).join(""));
  return [header.trimEnd(), ...lines].join("\r\n") + "\r\n";
}

export function zipCsv(name: string, csv: string): Uint8Array {
  return zipSync({ [name]: strToU8(csv) });
}

/** ReportMensile's CSV: one row per document, a TOTALE / TOTALE RIMBORSATO pair per expense type. */
export function monthlyReportCsv(
  documents: StoredDocument[],
  refundedOf: (stored: StoredDocument) => TypeTotals,
  layout: CsvLayout,
): string {
  const types = new Set(ALWAYS_TOTALLED);
  for (const stored of documents) for (const item of stored.document.items) types.add(item.tipoSpesa);
  const typeList = [...ALWAYS_TOTALLED, ...[...types].filter((t) => !ALWAYS_TOTALLED.includes(t)).sort()];
  const columns = [
    "CODICE REGIONE",
    "CODICE ASL",
    "CODICE SSA",
    "CF PROPRIETARIO",
    "PARTITA IVA",
    "DATA EMISSIONE",
    "DOCUMENTO FISCALE NUMERO",
    "DOCUMENTO FISCALE DISPOSITIVO",
    "DATA PAGAMENTO",
    "PROTOCOLLO",
    "NOME FILE",
    "DATA INVIO",
    "TIPO INVIO",
    ...typeList.flatMap((t) => [`TOTALE ${t}`, `TOTALE ${t} RIMBORSATO`]),
  ];
  const rows = documents.map((stored) => {
    const { id, dataPagamento } = stored.document;
    const totals = totalsByType(stored);
    const refunded = refundedOf(stored);
    const row: Record<string, string> = {
      "CF PROPRIETARIO": stored.owner,
      "PARTITA IVA": id.pIva,
      "DATA EMISSIONE": csvDate(id.dataEmissione),
      "DOCUMENTO FISCALE NUMERO": id.numDocumento,
      "DOCUMENTO FISCALE DISPOSITIVO": String(id.dispositivo),
      "DATA PAGAMENTO": csvDate(dataPagamento),
      PROTOCOLLO: stored.protocollo,
      "NOME FILE": stored.nomeFile ?? "",
      "DATA INVIO": csvDate(stored.dataInvio),
      "TIPO INVIO": stored.tipoInvio ?? stored.document.operation,
    };
    for (const t of typeList) {
      row[`TOTALE ${t}`] = formatStsDouble(totals.get(t) ?? 0);
      row[`TOTALE ${t} RIMBORSATO`] = formatStsDouble(refunded.get(t) ?? 0);
    }
    return row;
  });
  return writeCsv(columns, rows, layout);
}

/** ReportSegnalazioni's CSV (simulator choice): one row per report. */
export function citizenReportsCsv(reports: CitizenReport[], state: SimulatorState, layout: CsvLayout): string {
  const columns = [
    "CF PROPRIETARIO",
    "PARTITA IVA",
    "DATA EMISSIONE",
    "DOCUMENTO FISCALE DISPOSITIVO",
    "DOCUMENTO FISCALE NUMERO",
    "DATA PAGAMENTO",
    "PROTOCOLLO",
    "DATA SEGNALAZIONE",
    "VOCI SEGNALATE",
    "SEGNALAZIONE",
  ];
  const rows = reports.map((report) => {
    const stored = state.documents[report.key];
    const [pIva, dataEmissione, dispositivo, numDocumento] = report.key.split("|");
    return {
      "CF PROPRIETARIO": report.owner,
      "PARTITA IVA": pIva,
      "DATA EMISSIONE": csvDate(dataEmissione),
      "DOCUMENTO FISCALE DISPOSITIVO": dispositivo,
      "DOCUMENTO FISCALE NUMERO": numDocumento,
      "DATA PAGAMENTO": csvDate(stored?.document.dataPagamento),
      PROTOCOLLO: stored?.protocollo ?? "",
      "DATA SEGNALAZIONE": csvDate(report.dataSegnalazione),
      "VOCI SEGNALATE": report.voci.map((v) => v.tipoSpesa).join(","),
      SEGNALAZIONE: report.segnalazioni.join(" | "),
    };
  });
  return writeCsv(columns, rows, layout);
}
