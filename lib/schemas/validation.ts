import { z } from "zod";
import { AppError } from "../app-error";

// Parses user input with a form's schema; on failure throws the field errors the form shows beside each field.
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const { fieldErrors, formErrors } = z.flattenError(parsed.error);
  const errors: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(fieldErrors as Record<string, string[] | undefined>)) {
    if (messages?.length) errors[key] = messages;
  }
  if (formErrors.length) errors._form = formErrors;
  throw new AppError("validation", "Controlla i campi evidenziati.", errors);
}
