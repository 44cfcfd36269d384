import type { DbOrTx } from "../db";
import type { Prisma } from "../generated/sqlite/client";
import type { StsExchange as RecordedExchange } from "../sts/client/exchange";
import { queryTogether } from "./direct-sql";
import { stsRecordsUpdate, type StsRecordChange } from "./sts-documents";
import { exchangesInsert } from "./sts-exchanges";
import { newId, submissionInsert, submissionUpdate, type NewSubmission, type SubmissionChange } from "./sts-worker-sql";

// The two saves of a batch that must never be half done, each one unit of work (all or none, and one round trip on
// PostgreSQL: lib/data/direct-sql.ts). The claim saves the new submission with its documents' records, so that no
// record names a submission that does not exist; the upload's result saves the SOAP traffic and the submission's
// change with the records, so that the submission and its documents never tell two stories. Their statements are
// independent of each other (none reads what another writes), as queryTogether requires.

/** The id of a submission about to be created: the claimed records name it before it is saved. */
export function newSubmissionId(): string {
  return newId();
}

/**
 * Creates the submission and claims documents for it: each record is saved only if its revision is still the one
 * read (see updateStsRecordsIfUnchanged). Returns the ids claimed; the others went to a concurrent claim.
 */
export function createSubmissionWithClaim(
  db: DbOrTx,
  options: { submission: NewSubmission & { id: string }; changes: StsRecordChange[] },
): Promise<Set<string>> {
  const { submission, changes } = options;
  return saveRecordsWith(db, submission.practitionerId, changes, [submissionInsert(submission).statement]);
}

/** What an upload ended with: the submission's new columns and the SOAP traffic of the call. */
export type UploadResult = { submissionId: string; change: SubmissionChange; exchanges: RecordedExchange[] };

/**
 * Saves an upload's result with the changes of its documents' records (each saved only if its revision is
 * unchanged; with no changes, the result alone). Returns the ids saved.
 */
export function saveUploadResult(
  db: DbOrTx,
  options: { practitionerId: string; result: UploadResult; changes: StsRecordChange[] },
): Promise<Set<string>> {
  const { practitionerId, result, changes } = options;
  const exchanges = exchangesInsert(practitionerId, result.submissionId, result.exchanges);
  const statements = [...(exchanges ? [exchanges] : []), submissionUpdate(result.submissionId, result.change)];
  return saveRecordsWith(db, practitionerId, changes, statements);
}

async function saveRecordsWith(
  db: DbOrTx,
  practitionerId: string,
  changes: StsRecordChange[],
  statements: Prisma.Sql[],
): Promise<Set<string>> {
  if (changes.length === 0) {
    if (statements.length) await queryTogether(db, statements);
    return new Set();
  }
  const rows = await queryTogether<{ id: string }>(db, [...statements, stsRecordsUpdate(practitionerId, changes)]);
  return new Set(rows.map((r) => r.id));
}
