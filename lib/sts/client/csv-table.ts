import { strFromU8 } from "fflate";
import { unzipEntries } from "../file/parse-file";

/**
 * A CSV read by header name. STS documents no column list for its reports, so nothing here depends on a column's
 * position: every cell is reached through the name in the header row, and columns nobody asked for are kept.
 */
export type CsvTable = {
  /** Header names as written (trimmed), in file order; empty names (a trailing ";") are dropped. */
  header: string[];
  /** One record per data row: header name → cell (trimmed; "" when the row is shorter). */
  rows: Array<Record<string, string>>;
};

export class StsReportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StsReportFormatError";
  }
}

/** Header names compare case- and space-insensitively: "Partita  IVA " matches "PARTITA IVA". */
export function normalizeHeader(name: string): string {
  return name.trim().replace(/\s+/g, " ").toUpperCase();
}

/** Splits CSV text into rows of cells: ";" separated, "…" quoting with "" as an escaped quote, CRLF or LF. */
function splitCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (char === ";") {
      row.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += char;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows.filter((cells) => cells.some((c) => c.trim() !== ""));
}

export function parseCsvTable(text: string): CsvTable {
  const [headerCells, ...dataRows] = splitCsv(text.replace(/^\uFEFF/, ""));
  if (!headerCells) return { header: [], rows: [] };
  const columns: Array<{ index: number; name: string }> = [];
  const seen = new Set<string>();
  headerCells.forEach((cell, index) => {
    const name = cell.trim();
    if (!name) return;
    let unique = name;
    for (let n = 2; seen.has(normalizeHeader(unique)); n++) unique = `${name} (${n})`;
    seen.add(normalizeHeader(unique));
    columns.push({ index, name: unique });
  });
  const rows = dataRows.map((cells) =>
    Object.fromEntries(columns.map(({ index, name }) => [name, (cells[index] ?? "").trim()])),
  );
  return { header: columns.map((c) => c.name), rows };
}

function decode(bytes: Uint8Array): string {
  const text = strFromU8(bytes);
  // A replacement character means the file was not UTF-8: read it as Latin-1 instead.
  return text.includes("\uFFFD") ? strFromU8(bytes, true) : text;
}

/**
 * The payload of a report (fileCSV): a ZIP holding one or more CSV files, or the CSV itself. Files with the same
 * header are joined in name order; a ZIP without any CSV, or CSVs with different headers, are format errors.
 */
export function readReportPayload(bytes: Uint8Array): CsvTable {
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isZip) return parseCsvTable(decode(bytes));
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipEntries(bytes);
  } catch {
    throw new StsReportFormatError("l'archivio ZIP del report non si apre");
  }
  const names = Object.keys(entries).filter((name) => !name.endsWith("/"));
  const csvNames = names.filter((name) => /\.csv$/i.test(name));
  const chosen = (csvNames.length > 0 ? csvNames : names).sort();
  if (chosen.length === 0) throw new StsReportFormatError("l'archivio ZIP del report è vuoto");
  const tables = chosen.map((name) => parseCsvTable(decode(entries[name])));
  const key = (table: CsvTable) => table.header.map(normalizeHeader).join(";");
  const header = tables.find((t) => t.header.length > 0);
  if (!header) return { header: [], rows: [] };
  if (tables.some((t) => t.header.length > 0 && key(t) !== key(header)))
    throw new StsReportFormatError("i file CSV del report hanno intestazioni diverse");
  return { header: header.header, rows: tables.flatMap((t) => t.rows) };
}

/**
 * Columns of a table looked up by any of their known names. `take(field)` returns the cell of the first alias the
 * header has; `extra(row)` returns every cell whose column no lookup has claimed.
 */
export function columnsOf<Field extends string>(table: CsvTable, aliases: Record<Field, readonly string[]>) {
  const byName = new Map(table.header.map((name) => [normalizeHeader(name), name]));
  const found = {} as Record<Field, string | undefined>;
  for (const field of Object.keys(aliases) as Field[]) {
    found[field] = aliases[field].map((alias) => byName.get(normalizeHeader(alias))).find((n) => n !== undefined);
  }
  const claimed = new Set(Object.values(found).filter((n): n is string => n !== undefined));
  return {
    has: (field: Field) => found[field] !== undefined,
    take: (row: Record<string, string>, field: Field): string | null => {
      const name = found[field];
      return name === undefined ? null : (row[name] ?? "");
    },
    claim: (name: string) => claimed.add(name),
    extra: (row: Record<string, string>): Record<string, string> =>
      Object.fromEntries(Object.entries(row).filter(([name]) => !claimed.has(name))),
  };
}
