import { strFromU8 } from "fflate";
import { describeStsCode, type StsCodeInfo } from "../codes";
import { unzipEntries } from "../file/parse-file";

export type StsErrorRow = {
  cfProprietario: string;
  pIva: string;
  dataEmissione: string; // yyyy-MM-dd
  dispositivo: number;
  numDocumento: string;
  tipoSpesa: string;
  code: string;
  description: string;
  info: StsCodeInfo;
};

/** Columns of the DettaglioErrori CSV (docs/STS-PROTOCOL.md §5), looked up by name: headers may be "; "-separated and
 * have extras. */
const COLUMNS = {
  cfProprietario: "CF PROPRIETARIO",
  pIva: "PARTITA IVA",
  dataEmissione: "DATA EMISSIONE",
  dispositivo: "DOCUMENTO FISCALE DISPOSITIVO",
  numDocumento: "DOCUMENTO FISCALE NUMERO",
  tipoSpesa: "TIPO SPESA",
  code: "CODICE ERRORE",
  description: "DESCRIZIONE ERRORE",
} as const;

function toIsoDate(value: string): string {
  const match = /^(\d{2})[/-](\d{2})[/-](\d{4})$/.exec(value);
  return match ? `${match[3]}-${match[2]}-${match[1]}` : value;
}

function decode(bytes: Uint8Array): string {
  const text = strFromU8(bytes);
  // A replacement character means the file was not UTF-8: read it as Latin-1 instead.
  return text.includes("\uFFFD") ? strFromU8(bytes, true) : text;
}

export function parseErrorCsv(text: string): StsErrorRow[] {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "");
  if (lines.length === 0) return [];
  const header = lines[0].split(";").map((cell) => cell.trim().toUpperCase());
  const index = Object.fromEntries(Object.entries(COLUMNS).map(([key, name]) => [key, header.indexOf(name)])) as Record<
    keyof typeof COLUMNS,
    number
  >;
  if (index.code < 0) throw new Error("CSV degli errori senza la colonna CODICE ERRORE");
  return lines.slice(1).map((line) => {
    const cells = line.split(";").map((cell) => cell.trim());
    const cell = (key: keyof typeof COLUMNS) => (index[key] >= 0 ? (cells[index[key]] ?? "") : "");
    const code = cell("code");
    const description = index.description >= 0 ? cells.slice(index.description).join(";").trim() : "";
    return {
      cfProprietario: cell("cfProprietario"),
      pIva: cell("pIva"),
      dataEmissione: toIsoDate(cell("dataEmissione")),
      dispositivo: Number(cell("dispositivo")) || 0,
      numDocumento: cell("numDocumento"),
      tipoSpesa: cell("tipoSpesa"),
      code,
      description,
      info: describeStsCode(code, description),
    };
  });
}

/** DettaglioErrori payload: a ZIP holding one or more CSV files. */
export function parseErrorZip(zip: Uint8Array): StsErrorRow[] {
  return Object.entries(unzipEntries(zip))
    .filter(([name]) => /\.csv$/i.test(name))
    .flatMap(([, bytes]) => parseErrorCsv(decode(bytes)));
}
