export type StsValidationIssue = {
  /** Index of the document in the input, or null for a file-level problem. */
  documentIndex: number | null;
  field: string;
  message: string; // Italian, shown to the practitioner
};

/** Thrown before any network call when a document or file cannot be sent as it is. */
export class StsValidationError extends Error {
  readonly code = "STS_VALIDATION";
  constructor(readonly issues: StsValidationIssue[]) {
    super(issues.map((issue) => issue.message).join("; "));
    this.name = "StsValidationError";
  }
}
