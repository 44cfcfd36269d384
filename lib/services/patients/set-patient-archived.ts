import { notFound } from "../../app-error";
import type { DbOrTx } from "../../db";
import { updatePatientArchivedAt } from "../../data/patients";

// Archiving hides the patient from the list and the invoice picker; the patient and the invoices stay.
export async function setPatientArchived(options: {
  db: DbOrTx;
  practitionerId: string;
  patientId: string;
  archived: boolean;
  now?: Date;
}) {
  const archivedAt = options.archived ? (options.now ?? new Date()) : null;
  const changed = await updatePatientArchivedAt(options.db, options.practitionerId, options.patientId, archivedAt);
  if (changed === 0) throw notFound("Paziente non trovato.");
}
