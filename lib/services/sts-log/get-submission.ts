import { notFound } from "../../app-error";
import type { DbOrTx } from "../../db";
import { countDocumentOutcomes, findSubmission } from "../../data/sts-submissions";
import { describeStsCode } from "../../sts/codes";
import { parseDocumentCodes } from "../../presentation/sts-log/document-codes";
import { outcomeCounts } from "../../presentation/sts-log/outcome-counts";

export const SUBMISSION_NOT_FOUND = "Invio non trovato.";

/**
 * One submission with its documents, each document's codes explained, and the submission-level error explained.
 * Another practitioner's id answers exactly like a missing one.
 */
export async function getSubmissionOrThrow(options: { db: DbOrTx; practitionerId: string; submissionId: string }) {
  const { db, practitionerId, submissionId } = options;
  const submission = await findSubmission(db, practitionerId, submissionId);
  if (!submission) throw notFound(SUBMISSION_NOT_FOUND);
  const documentOutcomes = await countDocumentOutcomes(db, practitionerId, [submission.id]);
  const { documents, ...header } = submission;
  return {
    ...header,
    counts: outcomeCounts(header, documentOutcomes[submission.id]),
    error: header.errorCode ? describeStsCode(header.errorCode, header.errorMessage ?? undefined) : null,
    documents: documents.map(({ codes, ...document }) => ({ ...document, codes: parseDocumentCodes(codes) })),
  };
}

export type SubmissionDetail = Awaited<ReturnType<typeof getSubmissionOrThrow>>;
export type SubmissionDocumentDetail = SubmissionDetail["documents"][number];
