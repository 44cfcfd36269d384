import type { DbOrTx } from "../../db";
import { findMailSettings } from "../../data/mail";
import { findUnpaidInvoices } from "../../data/reminders";
import { isoDate } from "../../domain/dates";

export const DEFAULT_REMINDER_AFTER_DAYS = 30;

/** The date N days before `now` (Rome calendar): invoices dated on or before it are overdue. */
export function overdueCutoff(now: Date, afterDays: number): string {
  return isoDate(new Date(now.getTime() - afterDays * 86_400_000));
}

/** Issued invoices still unpaid N days after their date (N from the practitioner's settings, 30 by default). */
export async function listOverdueInvoices(options: { db: DbOrTx; practitionerId: string; now?: Date }) {
  const settings = await findMailSettings(options.db, options.practitionerId);
  const afterDays = settings?.reminderAfterDays ?? DEFAULT_REMINDER_AFTER_DAYS;
  const cutoff = overdueCutoff(options.now ?? new Date(), afterDays);
  return { afterDays, invoices: await findUnpaidInvoices(options.db, options.practitionerId, cutoff) };
}
