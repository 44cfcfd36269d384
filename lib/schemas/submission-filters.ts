import { z } from "zod";
import { SUBMISSION_OUTCOMES, SUBMISSION_TRIGGERS } from "../domain/sts/submission";

// "pending": no outcome yet. The rest are StsSubmission.outcome values.
export const SUBMISSION_OUTCOME_FILTERS = [...SUBMISSION_OUTCOMES, "pending"] as const;

// The send log's query string; anything unexpected falls back to "all" instead of failing the page.
export const SubmissionFiltersSchema = z.object({
  trigger: z.enum(SUBMISSION_TRIGGERS).optional().catch(undefined),
  outcome: z.enum(SUBMISSION_OUTCOME_FILTERS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type SubmissionFilters = z.infer<typeof SubmissionFiltersSchema>;

export function parseSubmissionFilters(params: Record<string, string | string[] | undefined>): SubmissionFilters {
  const flat = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]),
  );
  return SubmissionFiltersSchema.parse(flat);
}
