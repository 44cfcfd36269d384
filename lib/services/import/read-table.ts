import ExcelJS from "exceljs";
import Papa from "papaparse";
import { AppError } from "../../app-error";

/** A spreadsheet as text: the header row and the data rows (blank rows dropped, each keeping its line number). */
export type ImportTable = { headers: string[]; rows: { line: number; cells: string[] }[] };

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

const unreadable = (detail: string) => new AppError("validation", `Non riesco a leggere il file: ${detail}.`);

/** Reads a CSV (comma or semicolon, as Italian Excel writes it) or an XLSX file (its first sheet). */
export async function readImportTable(file: { name: string; bytes: Uint8Array }): Promise<ImportTable> {
  if (file.bytes.byteLength === 0) throw unreadable("è vuoto");
  if (file.bytes.byteLength > MAX_IMPORT_BYTES) throw unreadable("supera i 10 MB");
  const name = file.name.toLowerCase();
  const grid = name.endsWith(".xlsx")
    ? await readXlsx(file.bytes)
    : name.endsWith(".csv") || name.endsWith(".txt")
      ? readCsv(file.bytes)
      : null;
  if (!grid) throw unreadable("usa un file CSV o XLSX");
  const [header, ...rest] = grid;
  if (!header || header.every((cell) => cell === "")) throw unreadable("manca la riga di intestazione");
  const rows = rest
    .map((cells, i) => ({ line: i + 2, cells }))
    .filter((row) => row.cells.some((cell) => cell.trim() !== ""));
  if (rows.length === 0) throw unreadable("non contiene righe dopo l'intestazione");
  if (rows.length > MAX_IMPORT_ROWS) throw unreadable(`ha più di ${MAX_IMPORT_ROWS} righe: dividilo in più file`);
  return { headers: header.map((h) => h.trim()), rows };
}

function readCsv(bytes: Uint8Array): string[][] {
  const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: "greedy", delimitersToGuess: [";", ",", "\t"] });
  if (parsed.errors.some((e) => e.type === "Quotes")) throw unreadable("le virgolette non sono chiuse");
  return parsed.data.map((row) => row.map((cell) => String(cell ?? "")));
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw unreadable("non è un file XLSX valido");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable("non contiene fogli");
  const grid: string[][] = [];
  // exceljs counts the columns by walking every row: read once, not once per cell (which made reading quadratic in
  // the rows: 2,000 rows cost seconds).
  const columns = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let col = 1; col <= columns; col++) cells.push(cellText(row.getCell(col).value));
    grid[rowNumber - 1] = cells;
  });
  return Array.from(grid, (cells) => cells ?? []);
}

// Dates become dd/mm/yyyy (Excel stores them as UTC midnights), numbers keep their decimals so that an amount with
// three is refused rather than rounded, formulas give their result.
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    const dd = String(value.getUTCDate()).padStart(2, "0");
    const mm = String(value.getUTCMonth() + 1).padStart(2, "0");
    return `${dd}/${mm}/${value.getUTCFullYear()}`;
  }
  if (typeof value === "number") return String(Math.round(value * 1e6) / 1e6);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "sì" : "no";
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
  }
  return "";
}
