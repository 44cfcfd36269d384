import { describeError } from "./describe-error";

// Expected failures: a stable code for the program and an Italian message for the user.
export type AppErrorCode =
  | "not_found"
  | "forbidden"
  | "validation"
  | "conflict"
  | "rate_limited"
  | "unauthenticated"
  | "sts_unavailable"
  | "sts_credentials";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly userMessage: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(`${code}: ${userMessage}`);
    this.name = "AppError";
  }
}

export function notFound(message = "Elemento non trovato."): AppError {
  return new AppError("not_found", message);
}

export type ActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; message: string; fieldErrors?: Record<string, string[] | undefined> };

// Turns a thrown error into the result a form can show; unexpected errors are logged by kind and place only (a
// Prisma error's message quotes the query with its arguments: the user's data) and shown generically.
export function toActionError(error: unknown, context: string): ActionResult<never> {
  if (error instanceof AppError) return { ok: false, message: error.userMessage, fieldErrors: error.fieldErrors };
  console.error(`[${context}] unexpected error: ${describeError(error)}`);
  return { ok: false, message: "Si è verificato un errore imprevisto. Riprova tra poco." };
}
