import type { Db } from "../../db";
import {
  detectLayout,
  fieldsOf,
  guessMapping,
  type ColumnMapping,
  type ImportLayout,
} from "../../domain/import/columns";
import { planImport, type ImportOptions, type RowError } from "./plan-import";
import { readImportTable } from "./read-table";
import { runImport, type ImportResult } from "./run-import";

export type ImportFile = { name: string; bytes: Uint8Array };

export type ImportPreview = {
  fileName: string;
  headers: string[];
  layout: ImportLayout;
  mapping: ColumnMapping;
  sentByDefault: boolean;
  rowCount: number;
  /** The first rows as they will be read, one value per field of the layout ("" where a field has no column). */
  sample: { line: number; values: string[] }[];
  errors: RowError[];
  errorCount: number;
  newInvoices: number;
  unchangedInvoices: number;
  newPatients: number;
  unchangedPatients: number;
  suggestedMinimumDate: string | null;
};

const SAMPLE_ROWS = 8;
const ERRORS_SHOWN = 200;

/**
 * Upload, mapping and dry run in one step: the first call (no options) recognises the layout and the columns; each
 * later call re-reads the file with the mapping the practitioner chose. Nothing is stored between steps: the page
 * keeps the file and sends it again.
 */
export async function previewImport(options: {
  db: Db;
  practitionerId: string;
  file: ImportFile;
  import: ImportOptions | null;
  now?: Date;
}): Promise<ImportPreview> {
  const table = await readImportTable(options.file);
  const layout = options.import?.layout ?? detectLayout(table.headers);
  const chosen: ImportOptions = options.import ?? {
    layout,
    mapping: guessMapping(layout, table.headers),
    sentByDefault: false,
  };
  const plan = await planImport(options.db, {
    practitionerId: options.practitionerId,
    table,
    import: chosen,
    now: options.now ?? new Date(),
  });
  const fields = fieldsOf(chosen.layout);
  return {
    fileName: options.file.name,
    headers: table.headers,
    layout: chosen.layout,
    mapping: chosen.mapping,
    sentByDefault: chosen.sentByDefault,
    rowCount: plan.rowCount,
    sample: table.rows.slice(0, SAMPLE_ROWS).map((row) => ({
      line: row.line,
      values: fields.map((f) => (chosen.mapping[f.key] === undefined ? "" : (row.cells[chosen.mapping[f.key]!] ?? ""))),
    })),
    errors: plan.errors.slice(0, ERRORS_SHOWN),
    errorCount: plan.errors.length,
    newInvoices: plan.invoices.length,
    unchangedInvoices: plan.unchangedInvoices,
    newPatients: plan.patients.length,
    unchangedPatients: plan.unchangedPatients,
    suggestedMinimumDate: plan.suggestedMinimumDate,
  };
}

export async function importFile(options: {
  db: Db;
  practitionerId: string;
  file: ImportFile;
  import: ImportOptions;
  now?: Date;
}): Promise<ImportResult> {
  const table = await readImportTable(options.file);
  return runImport({ ...options, actorId: options.practitionerId, table });
}
