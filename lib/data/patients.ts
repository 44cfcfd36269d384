import { cache } from "react";
import type { DbOrTx } from "../db";
import { Prisma, type Patient } from "../generated/sqlite/client";
import type { PatientData } from "../schemas/patient";
import { queryRows } from "./direct-sql";
import { dateOrNull } from "./narrow";

// Every function takes the practitioner's id and filters by it: one practitioner can never reach another's patients.

export type PatientRow = PatientData & { searchText: string };

type PatientSqlRow = Omit<Patient, "foreign" | "opposesSts" | "archivedAt" | "createdAt" | "updatedAt"> & {
  foreign: boolean | number;
  opposesSts: boolean | number;
  archivedAt: Date | string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
};

// One patient, the row Prisma's model API returns (tests/integration/patient-card-reads.test.ts compares the two).
// Hand-written on the driver (lib/data/direct-sql.ts): the patient card reads it once for itself and once in each
// service it calls (each checks that the patient is this practitioner's), and Prisma's query compiler cost more
// than the read. React's cache makes those one read per render; outside a render (server actions, the worker,
// tests) every call reads the database.
export const findPatient = cache(
  async (db: DbOrTx, practitionerId: string, patientId: string): Promise<Patient | null> => {
    const [row] = await queryRows<PatientSqlRow>(
      db,
      Prisma.sql`
    SELECT "id", "practitionerId", "kind", "firstName", "lastName", "companyName", "codiceFiscale", "foreign",
      "partitaIva", "birthDate", "email", "phone", "address", "postalCode", "city", "province", "opposesSts",
      "opposesStsSince", "notes", "searchText", "archivedAt", "createdAt", "updatedAt"
    FROM "Patient" WHERE "id" = ${patientId} AND "practitionerId" = ${practitionerId}`,
    );
    if (!row) return null;
    return {
      ...row,
      foreign: Boolean(row.foreign),
      opposesSts: Boolean(row.opposesSts),
      archivedAt: dateOrNull(row.archivedAt),
      createdAt: new Date(row.createdAt),
      updatedAt: new Date(row.updatedAt),
    };
  },
);

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
