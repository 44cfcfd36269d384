import { AppError } from "../../app-error";
import type { Db } from "../../db";
import { claimReminder, findUnpaidInvoices, type UnpaidInvoice } from "../../data/reminders";
import { formatItalianDate, isoDate } from "../../domain/dates";
import { formatCents } from "../../domain/money";
import { EmailAddress } from "../../schemas/mail";
import { documentNumberLabel } from "../../presentation/invoices/labels";
import type { DeliveryOutcome } from "./deliver-message";
import { queueMessage } from "./queue-message";
import { greetingName } from "./send-invoice-email";

export type ReminderReport = { outcomes: DeliveryOutcome[]; skipped: { number: string; reason: string }[] };

/** Sends one reminder for an unpaid invoice to the patient's address on file (the caller has claimed it). */
export function remind(db: Db, practitionerId: string, invoice: UnpaidInvoice, to: string, now: () => Date) {
  return queueMessage({
    db,
    practitionerId,
    now,
    message: {
      kind: "reminder",
      to,
      values: {
        paziente: greetingName(invoice.patient),
        numero: documentNumberLabel(invoice),
        data: formatItalianDate(invoice.issueDate),
        importo: formatCents(invoice.totalCents),
      },
      invoiceId: invoice.id,
      patientId: invoice.patientId,
    },
  });
}

export function reminderAddress(invoice: UnpaidInvoice): string | null {
  const parsed = EmailAddress.safeParse(invoice.patient.email ?? "");
  return parsed.success ? parsed.data : null;
}

/** The reminders the practitioner asked for (one invoice or a selection): unpaid issued invoices only. */
export async function sendReminders(options: {
  db: Db;
  practitionerId: string;
  invoiceIds: string[];
  now?: () => Date;
}): Promise<ReminderReport> {
  const now = options.now ?? (() => new Date());
  if (options.invoiceIds.length === 0) throw new AppError("validation", "Seleziona almeno una fattura.");
  const invoices = await findUnpaidInvoices(options.db, options.practitionerId, isoDate(now()), options.invoiceIds);
  if (invoices.length === 0) throw new AppError("not_found", "Nessuna delle fatture scelte è da sollecitare.");
  const report: ReminderReport = { outcomes: [], skipped: [] };
  for (const invoice of invoices) {
    const number = documentNumberLabel(invoice);
    const to = reminderAddress(invoice);
    if (!to) {
      report.skipped.push({ number, reason: "il paziente non ha un indirizzo e-mail valido nella scheda" });
      continue;
    }
    const claimed = await claimReminder(options.db, {
      practitionerId: options.practitionerId,
      invoiceId: invoice.id,
      lastBefore: null,
      now: now(),
    });
    if (!claimed) {
      report.skipped.push({ number, reason: "è stata pagata nel frattempo" });
      continue;
    }
    report.outcomes.push(await remind(options.db, options.practitionerId, invoice, to, now));
  }
  return report;
}
