import { notFound } from "../../app-error";
import type { DbOrTx } from "../../db";
import { findSubmissionExchanges, submissionExists } from "../../data/sts-submissions";
import { SUBMISSION_NOT_FOUND } from "./get-submission";

/**
 * The SOAP calls of a submission, oldest first, for support. Request and response were redacted when recorded.
 * Another practitioner's submission is not found (rather than an empty list) so ids cannot be probed.
 */
export async function listSubmissionExchanges(options: { db: DbOrTx; practitionerId: string; submissionId: string }) {
  const { db, practitionerId, submissionId } = options;
  if (!(await submissionExists(db, practitionerId, submissionId))) throw notFound(SUBMISSION_NOT_FOUND);
  return findSubmissionExchanges(db, practitionerId, submissionId);
}

export type SubmissionExchange = Awaited<ReturnType<typeof listSubmissionExchanges>>[number];
