import ExcelJS from "exceljs";
import { buildCodiceFiscale } from "../../prisma/seed/factories/codice-fiscale";

export const IMPORT_HEADERS = [
  "Numero",
  "Data fattura",
  "Cognome",
  "Nome",
  "Codice fiscale",
  "Descrizione",
  "Importo",
  "Totale",
  "Data pagamento",
  "Metodo pagamento",
  "Inviata STS",
];

export type FixtureOptions = {
  rows: number;
  year: number;
  /** The last month the dates reach (the fixture must not lie in the future of the test's clock). */
  lastMonth: number;
  /** Distinct patients, each with a codice fiscale from this sequence on. */
  patients: number;
  cfSequence: number;
  /** Lines (1-based, data rows) to spoil, each with one of four mistakes in turn. */
  badRows?: number[];
};

/** Row i's date: the year's days up to `lastMonth` spread evenly, so the dates follow the numbers. */
function dateOf(i: number, options: FixtureOptions): Date {
  const start = Date.UTC(options.year, 0, 1);
  const end = Date.UTC(options.year, options.lastMonth, 0);
  const day = Math.floor(((end - start) / 86_400_000) * (i / options.rows));
  return new Date(start + day * 86_400_000);
}

/** The values of the fixture's rows: 70 € + 2% ENPAP = 71.40 € (below the bollo threshold). */
export function fixtureRows(options: FixtureOptions): (string | number | Date)[][] {
  const bad = new Set(options.badRows ?? []);
  return Array.from({ length: options.rows }, (_, index) => {
    const i = index + 1;
    const n = index % options.patients;
    const row: (string | number | Date)[] = [
      i,
      dateOf(index, options),
      `Cognome${n}`,
      `Nome${n}`,
      buildCodiceFiscale({ sequence: options.cfSequence + n }),
      "Colloquio psicologico",
      70,
      71.4,
      dateOf(index, options),
      i % 2 === 0 ? "bonifico" : "contanti",
      i % 3 === 0 ? "sì" : "no",
    ];
    if (bad.has(i)) {
      const kind = [...bad].indexOf(i) % 4;
      if (kind === 0) row[4] = String(row[4]).slice(0, 15) + (String(row[4]).endsWith("Z") ? "Y" : "Z");
      if (kind === 1) row[1] = `31/02/${options.year}`;
      if (kind === 2) row[6] = "settanta";
      if (kind === 3) row[0] = `A${i}`;
    }
    return row;
  });
}

export async function buildImportXlsx(options: FixtureOptions): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Fatture");
  sheet.addRow(IMPORT_HEADERS);
  for (const row of fixtureRows(options)) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
