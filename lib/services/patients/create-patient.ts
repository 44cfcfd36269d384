import type { DbOrTx } from "../../db";
import { insertPatient } from "../../data/patients";
import { makePatientSchema } from "../../schemas/patient";
import { parseInput } from "../../schemas/validation";
import { assertCodiceFiscaleFree, duplicateCodiceFiscale, isUniqueViolation } from "./duplicate-codice-fiscale";
import { patientSearchText } from "./patient-search-text";

export async function createPatient(options: { db: DbOrTx; practitionerId: string; input: unknown; now?: Date }) {
  const { db, practitionerId } = options;
  const data = parseInput(makePatientSchema({ today: options.now ?? new Date() }), options.input);
  await assertCodiceFiscaleFree(db, practitionerId, data.codiceFiscale);
  try {
    return await insertPatient(db, practitionerId, { ...data, searchText: patientSearchText(data) });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateCodiceFiscale();
    throw error;
  }
}
