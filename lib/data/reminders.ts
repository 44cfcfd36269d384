import type { DbOrTx } from "../db";

/** Issued, unpaid invoices (not credit notes) dated on or before `issuedOnOrBefore`, oldest first. */
export function findUnpaidInvoices(db: DbOrTx, practitionerId: string, issuedOnOrBefore: string, ids?: string[]) {
  return db.invoice.findMany({
    where: {
      practitionerId,
      kind: "invoice",
      status: "issued",
      paymentDate: null,
      issueDate: { lte: issuedOnOrBefore },
      ...(ids ? { id: { in: ids } } : {}),
    },
    orderBy: [{ issueDate: "asc" }, { number: "asc" }],
    take: 500,
    select: {
      id: true,
      kind: true,
      status: true,
      year: true,
      number: true,
      issueDate: true,
      totalCents: true,
      lastReminderAt: true,
      patientId: true,
      patient: {
        select: { kind: true, firstName: true, lastName: true, companyName: true, email: true },
      },
    },
  });
}

export type UnpaidInvoice = Awaited<ReturnType<typeof findUnpaidInvoices>>[number];

/**
 * Claims an invoice for a reminder: one conditional update that succeeds only while the invoice is still issued and
 * unpaid and its last reminder is not newer than `lastBefore` (so two workers, or a worker and a click, cannot both
 * remind the same invoice inside the spacing). True when this caller got it.
 */
export async function claimReminder(
  db: DbOrTx,
  options: { practitionerId: string; invoiceId: string; lastBefore: Date | null; now: Date },
): Promise<boolean> {
  const spacing = options.lastBefore
    ? { OR: [{ lastReminderAt: null }, { lastReminderAt: { lte: options.lastBefore } }] }
    : {};
  const { count } = await db.invoice.updateMany({
    where: {
      id: options.invoiceId,
      practitionerId: options.practitionerId,
      kind: "invoice",
      status: "issued",
      paymentDate: null,
      ...spacing,
    },
    data: { lastReminderAt: options.now },
  });
  return count === 1;
}

export function findPractitionersWithAutomaticReminders(db: DbOrTx) {
  return db.mailSettings.findMany({
    where: { autoReminders: true },
    select: { practitionerId: true, reminderAfterDays: true, reminderEveryDays: true },
  });
}
