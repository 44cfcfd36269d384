import type { Db } from "../../../lib/db";
import type { PatientInput } from "../../../lib/schemas/patient";
import { createPatient } from "../../../lib/services/patients/create-patient";
import { codiceFiscaleSequence, nextCodiceFiscale } from "./codice-fiscale";

const FIRST_NAMES = ["Marco", "Giulia", "Luca", "Chiara", "Paolo", "Sara", "Andrea", "Elena"];
const LAST_NAMES = ["Rossi", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno"];

/** A person patient with a fresh valid codice fiscale, saved through the same service as the patient form. */
export function createTestPatient(db: Db, practitionerId: string, overrides: Partial<PatientInput> = {}) {
  const n = codiceFiscaleSequence();
  const input: PatientInput = {
    kind: "person",
    firstName: FIRST_NAMES[n % FIRST_NAMES.length],
    lastName: LAST_NAMES[Math.floor(n / FIRST_NAMES.length) % LAST_NAMES.length],
    codiceFiscale: nextCodiceFiscale(),
    email: "",
    city: "Roma",
    province: "RM",
    ...overrides,
  };
  return createPatient({ db, practitionerId, input });
}
