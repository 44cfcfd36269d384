import { INVOICE_KINDS, INVOICE_STATUSES, type InvoiceKind, type InvoiceStatus } from "../domain/invoice-kind";

// Prisma types the status and kind columns as plain strings (SQLite has no enums, and both providers share one
// schema). The data functions hand them on as the union types of lib/domain, checked here: a value the code does
// not know is a bug or a foreign write, reported where it is read rather than shown as something else later.

/** `value` as one of `allowed`; throws on anything else, naming the column. */
export function oneOf<const T extends string>(allowed: readonly T[], value: string, column: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`Unknown value ${JSON.stringify(value)} in ${column}.`);
}

/** The same for a column that may be empty. */
export function oneOfOrNull<const T extends string>(
  allowed: readonly T[],
  value: string | null,
  column: string,
): T | null {
  return value === null ? null : oneOf(allowed, value, column);
}

/** A row's invoice kind and status as the domain's union types (an Invoice row, or one of its relations). */
export function invoiceKindAndStatus<R extends { kind: string; status: string }>(
  row: R,
): Omit<R, "kind" | "status"> & { kind: InvoiceKind; status: InvoiceStatus } {
  return {
    ...row,
    kind: oneOf(INVOICE_KINDS, row.kind, "Invoice.kind"),
    status: oneOf(INVOICE_STATUSES, row.status, "Invoice.status"),
  };
}

/**
 * A timestamp column read on the driver (lib/data/direct-sql.ts) as the Date Prisma returns: SQLite hands back the
 * text Prisma wrote, PostgreSQL a Date already.
 */
export function dateOrNull(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}
