import { notFound } from "../../app-error";
import type { DbOrTx } from "../../db";
import { findSubmissionErrorsCsv, findSubmissionReceipt } from "../../data/sts-submissions";
import { SUBMISSION_NOT_FOUND } from "./get-submission";

export type SubmissionFile = { bytes: Uint8Array; fileName: string };

// Named after the protocollo, the reference STS and the practitioner both use; the id when STS gave none.
function fileName(prefix: string, submission: { id: string; protocollo: string | null }, extension: string): string {
  const reference = (submission.protocollo ?? "").replace(/[^A-Za-z0-9_-]/g, "") || submission.id;
  return `${prefix}-${reference}.${extension}`;
}

/** The receipt PDF STS issued for the submission. */
export async function getSubmissionReceipt(options: {
  db: DbOrTx;
  practitionerId: string;
  submissionId: string;
}): Promise<SubmissionFile> {
  const submission = await findSubmissionReceipt(options.db, options.practitionerId, options.submissionId);
  if (!submission) throw notFound(SUBMISSION_NOT_FOUND);
  if (!submission.receiptPdf) throw notFound("La ricevuta di questo invio non è disponibile.");
  return { bytes: submission.receiptPdf, fileName: fileName("ricevuta", submission, "pdf") };
}

/** The error details CSV, as STS gave it (unzipped). */
export async function getSubmissionErrorsCsv(options: {
  db: DbOrTx;
  practitionerId: string;
  submissionId: string;
}): Promise<SubmissionFile> {
  const submission = await findSubmissionErrorsCsv(options.db, options.practitionerId, options.submissionId);
  if (!submission) throw notFound(SUBMISSION_NOT_FOUND);
  if (!submission.errorsCsv) throw notFound("Il dettaglio degli errori di questo invio non è disponibile.");
  return { bytes: submission.errorsCsv, fileName: fileName("errori", submission, "csv") };
}
