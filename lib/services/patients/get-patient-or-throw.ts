import { notFound } from "../../app-error";
import type { DbOrTx } from "../../db";
import { findPatient } from "../../data/patients";

// Another practitioner's patient is "not found", never "forbidden": its existence is not revealed.
export async function getPatientOrThrow(options: { db: DbOrTx; practitionerId: string; patientId: string }) {
  const patient = await findPatient(options.db, options.practitionerId, options.patientId);
  if (!patient) throw notFound("Paziente non trovato.");
  return patient;
}
