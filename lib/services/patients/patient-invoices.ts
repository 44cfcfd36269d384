import type { DbOrTx } from "../../db";
import { listPatientInvoiceRows } from "../../data/patient-invoices";
import { getPatientOrThrow } from "./get-patient-or-throw";

/**
 * The patient's invoices and credit notes (drafts included), newest first. Another practitioner's patient is
 * not_found, as on the patient page itself.
 */
export async function listPatientInvoices(options: { db: DbOrTx; practitionerId: string; patientId: string }) {
  const { db, practitionerId, patientId } = options;
  await getPatientOrThrow({ db, practitionerId, patientId });
  return listPatientInvoiceRows(db, practitionerId, patientId);
}

export type PatientInvoiceRow = Awaited<ReturnType<typeof listPatientInvoices>>[number];
