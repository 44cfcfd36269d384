import type { DbOrTx } from "../../db";
import { countOpenStsDocumentsByPaymentYear } from "../../data/sts-payment-years";
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
// (each count matches one state of the invoice list's STS filter), refused or blocked. The database counts them
// (lib/data/sts-payment-years.ts): the thousands of refused or not-eligible documents of past years stay there.
export async function paymentYearDeadlines(options: {
  db: DbOrTx;
  practitionerId: string;
  now?: Date;
}): Promise<PaymentYearDeadline[]> {
  const today = isoDate(options.now ?? new Date());
  const years = new Map<number, PaymentYearDeadline>();
  for (const { year, stsState, count } of await countOpenStsDocumentsByPaymentYear(
    options.db,
    options.practitionerId,
  )) {
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
    if (stsState === "rejected" || stsState === "failed") entry.rejected += count;
    else if (stsState === "not_eligible") entry.notEligible += count;
    else if (stsState === "sending") entry.sending += count;
    else if (stsState === "awaiting_outcome") entry.awaitingOutcome += count;
    else entry.toSend += count;
    years.set(year, entry);
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}
