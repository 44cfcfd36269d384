import type { PatientData } from "../../schemas/patient";

// Lower-cased on write so that a plain `contains` finds "rossi" in "Rossi" on SQLite and PostgreSQL alike
// (Prisma's `mode: 'insensitive'` exists only on PostgreSQL).
export function patientSearchText(data: Pick<PatientData, "lastName" | "firstName" | "companyName" | "codiceFiscale">) {
  return [data.lastName, data.firstName, data.companyName, data.codiceFiscale].filter(Boolean).join(" ").toLowerCase();
}

/** The words of a search box, lower-cased; each must appear in the search text. */
export function searchWords(q: string | undefined): string[] {
  return (q ?? "").toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5);
}
