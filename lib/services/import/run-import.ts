import { AppError } from "../../app-error";
import type { Db, Tx } from "../../db";
import { findPatientIdsByCodiceFiscale, insertImportedInvoices, raiseInvoiceCounter } from "../../data/invoice-import";
import { findIssuerProfile } from "../../data/invoices";
import { insertPatient } from "../../data/patients";
import { toStsNumDocumento } from "../../domain/numbering";
import { EMPTY_RECORD, stsIdentity, type StsRecord } from "../../domain/sts/record";
import { issuerSnapshot, patientSnapshot } from "../invoices/snapshots";
import { patientSearchText } from "../patients/patient-search-text";
import { refreshStsState } from "../sts/refresh-sts-state";
import { planImport, type ImportOptions, type ImportPlan, type PlannedInvoice } from "./plan-import";
import type { ImportTable } from "./read-table";

export type ImportResult = {
  createdInvoices: number;
  unchangedInvoices: number;
  createdPatients: number;
  unchangedPatients: number;
  suggestedMinimumDate: string | null;
};

// A 2,000-row file writes a few thousand rows in one transaction: well beyond Prisma's 5-second default.
const TRANSACTION_TIMEOUT_MS = 10 * 60_000;

/**
 * The import itself: the dry run repeated inside one transaction, so the file goes in whole or not at all, and
 * only when no row has an error. Imported invoices keep their number and date; the counters move past them.
 */
export async function runImport(options: {
  db: Db;
  practitionerId: string;
  actorId: string;
  table: ImportTable;
  import: ImportOptions;
  now?: Date;
}): Promise<ImportResult> {
  const now = options.now ?? new Date();
  return options.db.$transaction(
    async (tx) => {
      const plan = await planImport(tx, { ...options, now });
      if (plan.errors.length > 0) {
        const count = plan.errors.length;
        throw new AppError(
          "validation",
          `${count} ${count === 1 ? "riga ha" : "righe hanno"} errori: non ho importato nulla.`,
        );
      }
      await writePlan(tx, plan, { practitionerId: options.practitionerId, actorId: options.actorId, now });
      return {
        createdInvoices: plan.invoices.length,
        unchangedInvoices: plan.unchangedInvoices,
        createdPatients: plan.patients.length,
        unchangedPatients: plan.unchangedPatients,
        suggestedMinimumDate: plan.suggestedMinimumDate,
      };
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 60_000 },
  );
}

async function writePlan(tx: Tx, plan: ImportPlan, context: { practitionerId: string; actorId: string; now: Date }) {
  const { practitionerId, actorId, now } = context;
  for (const patient of plan.patients) {
    await insertPatient(tx, practitionerId, { ...patient, searchText: patientSearchText(patient) });
  }
  if (plan.invoices.length === 0) return;
  const profile = (await findIssuerProfile(tx, practitionerId))!;
  const cfs = [...new Set(plan.invoices.map((i) => i.codiceFiscale))];
  const patients = new Map(
    (await findPatientIdsByCodiceFiscale(tx, practitionerId, cfs)).map((p) => [p.codiceFiscale!, p]),
  );
  const issuer = JSON.stringify(issuerSnapshot(profile));
  const highest = new Map<number, number>();
  const rows = plan.invoices.map((invoice) => {
    const patient = patients.get(invoice.codiceFiscale)!;
    highest.set(invoice.year, Math.max(highest.get(invoice.year) ?? 0, invoice.number));
    return {
      invoice: {
        practitionerId,
        patientId: patient.id,
        kind: "invoice",
        status: "issued",
        year: invoice.year,
        number: invoice.number,
        issueDate: invoice.issueDate,
        paymentDate: invoice.paymentDate,
        paymentMethod: invoice.paymentMethod,
        ...invoice.pricing.totals,
        patientSnapshot: JSON.stringify(patientSnapshot(patient)),
        issuerSnapshot: issuer,
        issuedAt: now,
        ...sentRecord(invoice, profile.partitaIva),
      },
      lines: invoice.pricing.lineRows,
    };
  });
  const ids = await insertImportedInvoices(tx, rows);
  await tx.invoiceEvent.createMany({
    data: ids.map((invoiceId) => ({ invoiceId, practitionerId, actorId, action: "imported", at: now })),
  });
  for (const [year, number] of highest) {
    await raiseInvoiceCounter(tx, { practitionerId, series: "invoice", year, number });
  }
  await refreshStsState(tx, { practitionerId, invoiceIds: ids, now });
}

// "Già inviata a STS": recorded as held by STS (as an adopted document is), so it is never sent again; "Verifica su
// STS" then compares it with what STS really holds and shows it as a difference if STS does not have it.
function sentRecord(invoice: PlannedInvoice, partitaIva: string) {
  if (!invoice.sentToSts) return {};
  const identity = stsIdentity({
    pIva: partitaIva,
    issueDate: invoice.issueDate,
    numDocumento: toStsNumDocumento({ series: "invoice", number: invoice.number, year: invoice.year }),
  });
  const record: StsRecord = {
    ...EMPTY_RECORD,
    cancelled: [],
    held: { identity, version: 0, operation: "I", warnings: [] },
  };
  return { stsRecord: JSON.stringify(record), stsEverHeld: true };
}
