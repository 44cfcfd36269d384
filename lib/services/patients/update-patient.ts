import { notFound } from "../../app-error";
import type { DbOrTx } from "../../db";
import { updatePatientRow } from "../../data/patients";
import { makePatientSchema } from "../../schemas/patient";
import { parseInput } from "../../schemas/validation";
import { assertCodiceFiscaleFree, duplicateCodiceFiscale, isUniqueViolation } from "./duplicate-codice-fiscale";
import { getPatientOrThrow } from "./get-patient-or-throw";
import { patientSearchText } from "./patient-search-text";
import { propagatePatientChange } from "../invoices/propagate-patient-change";

// Replaces every field with the form's values (the form always sends the whole patient).
export async function updatePatient(options: {
  db: DbOrTx;
  practitionerId: string;
  patientId: string;
  input: unknown;
  now?: Date;
}) {
  const { db, practitionerId, patientId } = options;
  await getPatientOrThrow({ db, practitionerId, patientId });
  const data = parseInput(makePatientSchema({ today: options.now ?? new Date() }), options.input);
  await assertCodiceFiscaleFree(db, practitionerId, data.codiceFiscale, patientId);
  try {
    const changed = await updatePatientRow(db, practitionerId, patientId, {
      ...data,
      searchText: patientSearchText(data),
    });
    if (changed === 0) throw notFound("Paziente non trovato.");
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateCodiceFiscale();
    throw error;
  }
  await propagatePatientChange(db, { practitionerId, patientId, actorId: practitionerId });
  return getPatientOrThrow({ db, practitionerId, patientId });
}
