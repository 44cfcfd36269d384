// Describes an unexpected error for the log without its message: the kind (class name), the Prisma or system code
// when there is one, and where it was thrown (stack frames only). Messages are left out because they may carry the
// user's data (a Prisma error's message quotes the whole query with its arguments).
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `non-Error value (${typeof error})`;
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 5)
    .map((line) => line.trim())
    .join(" | ");
  return [error.name, typeof code === "string" ? code : null, frames || null].filter(Boolean).join(" ");
}
