// A transmission to STS as stored (StsSubmission) and the outcome of each of its documents (StsSubmissionDocument).

/** Who started it: the practitioner ("Invia ora", a batch chosen by hand) or the hourly run. */
export const SUBMISSION_TRIGGERS = ["manual", "automatic"] as const;
export type SubmissionTrigger = (typeof SUBMISSION_TRIGGERS)[number];

/** How it went: an asynchronous batch, one document on the synchronous service, or a file for the STS portal. */
export const SUBMISSION_CHANNELS = ["async", "sync", "portal"] as const;
export type SubmissionChannel = (typeof SUBMISSION_CHANNELS)[number];

/** Where it stands: uncertain when an upload may or may not have reached STS (the sweep settles it). */
export const SUBMISSION_STATUSES = [
  "preparing",
  "uploading",
  "awaiting_outcome",
  "completed",
  "failed",
  "uncertain",
] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** How it ended, once it has (null before). */
export const SUBMISSION_OUTCOMES = [
  "accepted",
  "accepted_with_warnings",
  "partially_rejected",
  "rejected",
  "failed",
] as const;
export type SubmissionOutcome = (typeof SUBMISSION_OUTCOMES)[number];

/** How one document of a submission ended; "pending" until its outcome is known. */
export const DOCUMENT_OUTCOMES = ["pending", "accepted", "accepted_with_warnings", "rejected", "failed"] as const;
export type DocumentOutcome = (typeof DOCUMENT_OUTCOMES)[number];
