import type { Db } from "../../db";
import { claimReminder, findPractitionersWithAutomaticReminders, findUnpaidInvoices } from "../../data/reminders";
import { describeError } from "../../describe-error";
import { overdueCutoff } from "./overdue-invoices";
import { remind, reminderAddress } from "./send-reminders";

/**
 * The worker's daily reminders, for practitioners who turned them on: every invoice unpaid N days after its date
 * gets at most one reminder every M days, and none once it is paid (the claim re-checks both in one update).
 */
export async function runAutomaticReminders(options: { db: Db; now: () => Date; log?: (line: string) => void }) {
  const totals = { practitioners: 0, sent: 0, failed: 0, outbox: 0 };
  for (const settings of await findPractitionersWithAutomaticReminders(options.db)) {
    totals.practitioners += 1;
    const now = options.now();
    const invoices = await findUnpaidInvoices(
      options.db,
      settings.practitionerId,
      overdueCutoff(now, settings.reminderAfterDays),
    );
    const lastBefore = new Date(now.getTime() - settings.reminderEveryDays * 86_400_000);
    for (const invoice of invoices) {
      const to = reminderAddress(invoice);
      if (!to) continue;
      if (invoice.lastReminderAt && invoice.lastReminderAt > lastBefore) continue;
      try {
        const claimed = await claimReminder(options.db, {
          practitionerId: settings.practitionerId,
          invoiceId: invoice.id,
          lastBefore,
          now,
        });
        if (!claimed) continue;
        const outcome = await remind(options.db, settings.practitionerId, invoice, to, options.now);
        if (outcome.status === "sent") totals.sent += 1;
        else if (outcome.status === "outbox") totals.outbox += 1;
        else totals.failed += 1;
      } catch (error) {
        totals.failed += 1;
        options.log?.(`[reminders] one invoice failed: ${describeError(error)}`);
      }
    }
  }
  return totals;
}
