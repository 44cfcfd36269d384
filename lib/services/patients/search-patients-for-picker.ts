import type { DbOrTx } from "../../db";
import { findPatients } from "../../data/patients";
import { searchWords } from "./patient-search-text";

export const PICKER_LIMIT = 20;

/** The first 20 active patients matching the words typed in the invoice form's patient picker. */
export function searchPatientsForPicker(options: { db: DbOrTx; practitionerId: string; q?: string }) {
  return findPatients(
    options.db,
    options.practitionerId,
    { words: searchWords(options.q), archived: false },
    { skip: 0, take: PICKER_LIMIT },
  );
}
