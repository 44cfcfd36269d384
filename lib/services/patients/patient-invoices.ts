import type { DbOrTx } from "../../db";
import { getPatientOrThrow } from "./get-patient-or-throw";

const patientInvoiceSelect = {
  id: true,
  kind: true,
  status: true,
  year: true,
  number: true,
  issueDate: true,
  paymentDate: true,
  totalCents: true,
  stsState: true,
  stsReason: true,
  stsEverHeld: true,
} as const;

/**
 * The patient's invoices and credit notes (drafts included), newest first. Another practitioner's patient is
 * not_found, as on the patient page itself.
 */
export async function listPatientInvoices(options: { db: DbOrTx; practitionerId: string; patientId: string }) {
  const { db, practitionerId, patientId } = options;
  await getPatientOrThrow({ db, practitionerId, patientId });
  return db.invoice.findMany({
    where: { practitionerId, patientId },
    orderBy: [{ issueDate: "desc" }, { createdAt: "desc" }],
    select: patientInvoiceSelect,
  });
}

export type PatientInvoiceRow = Awaited<ReturnType<typeof listPatientInvoices>>[number];
