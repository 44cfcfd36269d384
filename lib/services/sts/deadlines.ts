import type { DbOrTx } from "../../db";
import { isoDate } from "../../domain/dates";
import { daysUntil, stsDeadlineForPaymentYear } from "../../domain/sts-deadlines";

export type PaymentYearDeadline = {
  year: number;
  deadline: string;
  daysLeft: number;
  toSend: number;
  /** Uploaded or being uploaded, not yet answered: no longer "to send", not yet with STS. */
  sending: number;
  awaitingOutcome: number;
  rejected: number;
  notEligible: number;
};

// Per payment year with documents not yet with STS: the deadline (31 January of the next year, moved to the next
// working day — docs/STS-PROTOCOL.md §10.4), the days left, and how many documents are still to send, on their way
// (each count matches one state of the invoice list's STS filter), refused or blocked.
export async function paymentYearDeadlines(options: {
  db: DbOrTx;
  practitionerId: string;
  now?: Date;
}): Promise<PaymentYearDeadline[]> {
  const today = isoDate(options.now ?? new Date());
  const rows = await options.db.invoice.findMany({
    where: {
      practitionerId: options.practitionerId,
      stsState: { in: ["to_send", "sending", "awaiting_outcome", "rejected", "failed", "not_eligible"] },
      status: { not: "draft" },
    },
    select: { paymentDate: true, issueDate: true, kind: true, stsState: true },
  });
  const years = new Map<number, PaymentYearDeadline>();
  for (const row of rows) {
    // A refund's payment date is its issue date; unpaid documents count in their issue year until paid.
    const date = row.kind === "credit_note" ? row.issueDate : (row.paymentDate ?? row.issueDate);
    const year = Number(date.slice(0, 4));
    const deadline = stsDeadlineForPaymentYear(year);
    const entry = years.get(year) ?? {
      year,
      deadline,
      daysLeft: daysUntil(deadline, today),
      toSend: 0,
      sending: 0,
      awaitingOutcome: 0,
      rejected: 0,
      notEligible: 0,
    };
    if (row.stsState === "rejected" || row.stsState === "failed") entry.rejected++;
    else if (row.stsState === "not_eligible") entry.notEligible++;
    else if (row.stsState === "sending") entry.sending++;
    else if (row.stsState === "awaiting_outcome") entry.awaitingOutcome++;
    else entry.toSend++;
    years.set(year, entry);
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}
