import { AppError } from "../../app-error";
import type { DbOrTx } from "../../db";
import { findPatientByCodiceFiscale } from "../../data/patients";

export const duplicateCodiceFiscale = () =>
  new AppError("conflict", "Esiste già un paziente con questo codice fiscale.", {
    codiceFiscale: [
      "Hai già un paziente con questo codice fiscale: cercalo nell'elenco dei pazienti (anche tra gli archiviati).",
    ],
  });

export async function assertCodiceFiscaleFree(
  db: DbOrTx,
  practitionerId: string,
  codiceFiscale: string | null,
  exceptPatientId?: string,
) {
  if (!codiceFiscale) return;
  const existing = await findPatientByCodiceFiscale(db, practitionerId, codiceFiscale);
  if (existing && existing.id !== exceptPatientId) throw duplicateCodiceFiscale();
}

// Two saves racing for the same codice fiscale: the unique index (practitionerId, codiceFiscale) decides.
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === "P2002";
}
