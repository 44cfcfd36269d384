import { AppError } from "../app-error";
import { describeError } from "../describe-error";

const STATUS: Partial<Record<AppError["code"], number>> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  validation: 400,
  conflict: 409,
  rate_limited: 429,
};

// Route handlers answer expected failures with their status and Italian message; anything else is logged and
// answered generically (no stack trace leaves the server).
export function routeError(error: unknown, context: string): Response {
  if (error instanceof AppError) {
    return Response.json({ error: error.userMessage }, { status: STATUS[error.code] ?? 400 });
  }
  console.error(`[${context}] unexpected error: ${describeError(error)}`);
  return Response.json({ error: "Si è verificato un errore imprevisto." }, { status: 500 });
}
