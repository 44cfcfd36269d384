import type { z } from "zod";
import { AppError } from "../app-error";

export type FieldErrors = Record<string, string[] | undefined>;

// Field errors keyed by the dotted path of the field ("email", "lines.2.unitPrice"), so that forms with
// repeated rows can show each error beside its own input. Errors of the whole object go under "_form".
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

// Parses user input with a form's schema; on failure throws the field errors the form shows beside each field.
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError("validation", "Controlla i campi evidenziati.", fieldErrorsOf(parsed.error));
}
