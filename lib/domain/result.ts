// Outcome of validating user input: expected failures are values, not exceptions,
// so forms can show the Italian message next to the field.
export type Result<T> = { ok: true; value: T } | { ok: false; message: string };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(message: string): Result<T> {
  return { ok: false, message };
}
