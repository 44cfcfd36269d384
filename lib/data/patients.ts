import type { DbOrTx } from "../db";
import type { PatientData } from "../schemas/patient";

// Every function takes the practitioner's id and filters by it: one practitioner can never reach another's patients.

export type PatientRow = PatientData & { searchText: string };

export function findPatient(db: DbOrTx, practitionerId: string, patientId: string) {
  return db.patient.findFirst({ where: { id: patientId, practitionerId } });
}

export function findPatientByCodiceFiscale(db: DbOrTx, practitionerId: string, codiceFiscale: string) {
  return db.patient.findFirst({ where: { practitionerId, codiceFiscale }, select: { id: true } });
}

export function insertPatient(db: DbOrTx, practitionerId: string, data: PatientRow) {
  return db.patient.create({ data: { ...data, practitionerId } });
}

/** Returns how many rows changed: 0 when the patient is not this practitioner's. */
export async function updatePatientRow(db: DbOrTx, practitionerId: string, patientId: string, data: PatientRow) {
  const { count } = await db.patient.updateMany({ where: { id: patientId, practitionerId }, data });
  return count;
}

export async function updatePatientArchivedAt(
  db: DbOrTx,
  practitionerId: string,
  patientId: string,
  archivedAt: Date | null,
) {
  const { count } = await db.patient.updateMany({ where: { id: patientId, practitionerId }, data: { archivedAt } });
  return count;
}

export type PatientFilter = {
  /** Lower-case words that must all appear in the search text. */
  words: string[];
  archived: boolean;
};

function patientWhere(practitionerId: string, filter: PatientFilter) {
  return {
    practitionerId,
    archivedAt: filter.archived ? { not: null } : null,
    AND: filter.words.map((word) => ({ searchText: { contains: word } })),
  };
}

export function countPatients(db: DbOrTx, practitionerId: string, filter: PatientFilter) {
  return db.patient.count({ where: patientWhere(practitionerId, filter) });
}

export function findPatients(
  db: DbOrTx,
  practitionerId: string,
  filter: PatientFilter,
  page: { skip: number; take: number },
) {
  return db.patient.findMany({
    where: patientWhere(practitionerId, filter),
    // The search text starts with the surname (or the company name): alphabetical order for free.
    orderBy: [{ searchText: "asc" }, { id: "asc" }],
    skip: page.skip,
    take: page.take,
  });
}
