import type { z } from "zod";
import { fieldErrorsOf, type FieldErrors } from "@/lib/schemas/validation";

export type { FieldErrors };

// Client-side pre-check with the same schema the server action uses (the server checks again).
export function clientFieldErrors<S extends z.ZodType>(schema: S, values: unknown): FieldErrors | null {
  const parsed = schema.safeParse(values);
  return parsed.success ? null : fieldErrorsOf(parsed.error);
}
