import { z } from "zod";

export type FieldErrors = Record<string, string[] | undefined>;

// Client-side pre-check with the same schema the server action uses (the server checks again).
export function clientFieldErrors<S extends z.ZodType>(schema: S, values: unknown): FieldErrors | null {
  const parsed = schema.safeParse(values);
  if (parsed.success) return null;
  return z.flattenError(parsed.error).fieldErrors as FieldErrors;
}
