import { AppError } from "../../app-error";
import type { DbOrTx } from "../../db";
import { findIssuerProfile } from "../../data/invoices";
import { isoDate } from "../../domain/dates";
import { missingRequiredFields, type ColumnMapping, type ImportLayout } from "../../domain/import/columns";
import { parseInvoiceRow, type InvoiceRowValues } from "../../domain/import/invoice-row";
import { formatCents } from "../../domain/money";
import { suggestedMinimumDate } from "../../domain/sts/reconciliation";
import { makePatientSchema, type PatientData } from "../../schemas/patient";
import { priceInvoice, pricingFromProfile } from "../invoices/invoice-pricing";
import { isProfileComplete } from "../profile/is-profile-complete";
import { checkNumberOrder } from "./number-order";
import type { ImportTable } from "./read-table";
import { parsePatientCells } from "./row-patient";

export type ImportOptions = { layout: ImportLayout; mapping: ColumnMapping; sentByDefault: boolean };
export type RowError = { line: number; messages: string[] };
export type PlannedInvoice = InvoiceRowValues & {
  line: number;
  codiceFiscale: string;
  pricing: ReturnType<typeof priceInvoice>;
};

export type ImportPlan = {
  layout: ImportLayout;
  rowCount: number;
  errors: RowError[];
  invoices: PlannedInvoice[];
  unchangedInvoices: number;
  /** Patients to create, by codice fiscale (the first row naming one gives its data). */
  patients: PatientData[];
  unchangedPatients: number;
  /** The day after the last imported invoice marked as already sent: the automatic sending's minimum date. */
  suggestedMinimumDate: string | null;
};

/**
 * The dry run: every row checked (its own fields, its patient, its number against the file and the database), and
 * what the import would create. Nothing is written; runImport repeats it inside its transaction.
 */
export async function planImport(
  db: DbOrTx,
  options: { practitionerId: string; table: ImportTable; import: ImportOptions; now: Date },
): Promise<ImportPlan> {
  const { practitionerId, table, now } = options;
  const { layout, mapping, sentByDefault } = options.import;
  const missing = missingRequiredFields(layout, mapping);
  if (missing.length > 0) throw new AppError("validation", `Scegli la colonna di: ${missing.join(", ")}.`);
  const today = isoDate(now);
  const schema = makePatientSchema({ today: now });
  const errors = new Map<number, string[]>();
  const addError = (line: number, message: string) => errors.set(line, [...(errors.get(line) ?? []), message]);
  const patients = new Map<string, PatientData>();
  const candidates: PlannedInvoice[] = [];

  const profile = layout === "invoices" ? await findIssuerProfile(db, practitionerId) : null;
  if (layout === "invoices" && !isProfileComplete(profile)) {
    throw new AppError(
      "validation",
      "Completa il profilo (codice fiscale, partita IVA, indirizzo) prima di importare.",
    );
  }
  const pricing = pricingFromProfile(profile);

  for (const row of table.rows) {
    const cells = Object.fromEntries(Object.entries(mapping).map(([key, col]) => [key, row.cells[col] ?? ""]));
    const patient = parsePatientCells(schema, cells);
    if (!patient.ok) patient.errors.forEach((m) => addError(row.line, m));
    const cf = patient.ok ? patient.value.codiceFiscale! : "";
    if (layout === "patients") {
      if (patient.ok && patients.has(cf)) addError(row.line, "Codice fiscale ripetuto in un'altra riga del file");
      else if (patient.ok) patients.set(cf, patient.value);
      continue;
    }
    const invoice = parseInvoiceRow(cells, { today, sentByDefault });
    if (!invoice.ok) invoice.errors.forEach((m) => addError(row.line, m));
    if (!invoice.ok || !patient.ok) continue;
    if (!patients.has(cf)) patients.set(cf, patient.value);
    const line = { description: invoice.value.description, quantity: 1, expenseType: "SP" as const, pensionFund: true };
    const priced = priceInvoice([{ ...line, unitPriceCents: invoice.value.amountCents }], pricing);
    const total = invoice.value.totalCents;
    if (total !== null && total !== priced.totals.totalCents) {
      const computed = formatCents(priced.totals.totalCents, { symbol: true });
      addError(row.line, `Totale: ${formatCents(total, { symbol: true })} non corrisponde al calcolo (${computed})`);
      continue;
    }
    candidates.push({ ...invoice.value, line: row.line, codiceFiscale: cf, pricing: priced });
  }

  const existingPatients = await db.patient.findMany({
    where: { practitionerId, codiceFiscale: { in: [...patients.keys()] } },
    select: { codiceFiscale: true },
  });
  for (const { codiceFiscale } of existingPatients) patients.delete(codiceFiscale!);

  let invoices: PlannedInvoice[] = [];
  let unchangedInvoices = 0;
  if (layout === "invoices") {
    const checked = await checkNumberOrder(db, practitionerId, candidates);
    checked.errors.forEach((e) => addError(e.line, e.message));
    invoices = checked.fresh;
    unchangedInvoices = checked.unchanged.length;
  }
  const rowErrors = [...errors.entries()].sort(([a], [b]) => a - b).map(([line, messages]) => ({ line, messages }));
  const sentDates = candidates.filter((i) => i.sentToSts && !errors.has(i.line)).map((i) => i.issueDate);
  return {
    layout,
    rowCount: table.rows.length,
    errors: rowErrors,
    invoices,
    unchangedInvoices,
    patients: [...patients.values()],
    unchangedPatients: existingPatients.length,
    suggestedMinimumDate: suggestedMinimumDate(sentDates),
  };
}
