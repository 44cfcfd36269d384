import type { DbOrTx } from "../../db";
import { countPatients, findPatients } from "../../data/patients";
import { searchWords } from "./patient-search-text";

export const PATIENTS_PAGE_SIZE = 25;

/** One page of the practitioner's patients; a page beyond the last shows the last one. */
export async function listPatients(options: {
  db: DbOrTx;
  practitionerId: string;
  q?: string;
  archived?: boolean;
  page?: number;
}) {
  const { db, practitionerId } = options;
  const filter = { words: searchWords(options.q), archived: options.archived ?? false };
  const total = await countPatients(db, practitionerId, filter);
  const pageCount = Math.max(1, Math.ceil(total / PATIENTS_PAGE_SIZE));
  const requested = Number.isSafeInteger(options.page) && options.page! > 0 ? options.page! : 1;
  const page = Math.min(requested, pageCount);
  const patients = await findPatients(db, practitionerId, filter, {
    skip: (page - 1) * PATIENTS_PAGE_SIZE,
    take: PATIENTS_PAGE_SIZE,
  });
  return { patients, total, page, pageCount, pageSize: PATIENTS_PAGE_SIZE };
}
