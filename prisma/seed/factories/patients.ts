import { codiceFiscaleCheckCharacter } from "../../../lib/domain/codice-fiscale";
import type { Db } from "../../../lib/db";
import type { PatientInput } from "../../../lib/schemas/patient";
import { createPatient } from "../../../lib/services/patients/create-patient";

const MONTHS = "ABCDEHLMPRST";
const CONSONANTS = "BCDFGHLMNPRSTVZ";

/**
 * A syntactically valid personal codice fiscale with the right check character. The six name letters encode
 * `sequence` in base 15 (consonants only), so each sequence number gives a distinct code.
 */
export function buildCodiceFiscale(options: {
  sequence: number;
  birthDate?: string;
  sex?: "M" | "F";
  cadastralCode?: string;
}): string {
  let letters = "";
  let rest = options.sequence;
  for (let i = 0; i < 6; i++) {
    letters = CONSONANTS[rest % CONSONANTS.length] + letters;
    rest = Math.floor(rest / CONSONANTS.length);
  }
  const [year, month, day] = (options.birthDate ?? "1985-06-15").split("-").map(Number);
  const encodedDay = options.sex === "F" ? day + 40 : day;
  const first15 =
    letters +
    String(year % 100).padStart(2, "0") +
    MONTHS[month - 1] +
    String(encodedDay).padStart(2, "0") +
    (options.cadastralCode ?? "H501");
  return first15 + codiceFiscaleCheckCharacter(first15);
}

// A random start keeps codes distinct across runs that share a database (seed, then e2e).
let sequence = Math.floor(Math.random() * 5_000_000);

export function nextCodiceFiscale(options: { birthDate?: string; sex?: "M" | "F" } = {}): string {
  sequence += 1;
  return buildCodiceFiscale({ sequence, ...options });
}

const FIRST_NAMES = ["Marco", "Giulia", "Luca", "Chiara", "Paolo", "Sara", "Andrea", "Elena"];
const LAST_NAMES = ["Rossi", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno"];

/** A person patient with a fresh valid codice fiscale, saved through the same service as the patient form. */
export function createTestPatient(db: Db, practitionerId: string, overrides: Partial<PatientInput> = {}) {
  const n = sequence;
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
