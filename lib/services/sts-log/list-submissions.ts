import type { DbOrTx } from "../../db";
import { countDocumentOutcomes, findSubmissionPage, type SubmissionListFilters } from "../../data/sts-submissions";
import { outcomeCounts } from "../../presentation/sts-log/outcome-counts";

/** One page (25) of the practitioner's submissions, newest first, with their outcome counts. */
export async function listSubmissions(options: {
  db: DbOrTx;
  practitionerId: string;
  page: number;
  filters: SubmissionListFilters;
}) {
  const { db, practitionerId } = options;
  const page = await findSubmissionPage(
    db,
    practitionerId,
    Math.max(1, Math.trunc(options.page) || 1),
    options.filters,
  );
  const documentOutcomes = await countDocumentOutcomes(
    db,
    practitionerId,
    page.rows.map((r) => r.id),
  );
  return { ...page, rows: page.rows.map((r) => ({ ...r, counts: outcomeCounts(r, documentOutcomes[r.id]) })) };
}

export type SubmissionListRow = Awaited<ReturnType<typeof listSubmissions>>["rows"][number];
