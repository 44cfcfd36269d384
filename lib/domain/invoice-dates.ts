import { formatItalianDate, type IsoDate } from "./dates";

/** The dates of a document as the forms give them; `today` is the Italian calendar day (Europe/Rome). */
export type DocumentDates = { issueDate: IsoDate; paymentDate: IsoDate | null; paidInAdvance: boolean };

export const FUTURE_ISSUE_DATE = (today: IsoDate) =>
  `La data della fattura non può essere successiva a oggi (${formatItalianDate(today)}).`;
export const FUTURE_PAYMENT_DATE = (today: IsoDate) =>
  `La data del pagamento non può essere successiva a oggi (${formatItalianDate(today)}): registralo quando lo ricevi.`;
export const PAYMENT_BEFORE_ISSUE =
  "Il pagamento è precedente alla data della fattura: se lo hai ricevuto in anticipo spunta «Pagamento anticipato», altrimenti correggi la data.";

/**
 * Field errors for dates that make no sense, keyed like the invoice form's fields. A future invoice date would
 * block every later invoice (numbers follow dates) and a future payment cannot have happened; a payment before
 * the invoice date is allowed only as an explicit advance payment, which STS wants flagged
 * (flagPagamentoAnticipato, docs/STS-TRANSMISSION.md).
 */
export function documentDateErrors(dates: DocumentDates, today: IsoDate): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (dates.issueDate > today) errors.issueDate = [FUTURE_ISSUE_DATE(today)];
  if (dates.paymentDate !== null) {
    if (dates.paymentDate > today) errors.paymentDate = [FUTURE_PAYMENT_DATE(today)];
    else if (dates.paymentDate < dates.issueDate && !dates.paidInAdvance) errors.paymentDate = [PAYMENT_BEFORE_ISSUE];
  }
  return errors;
}

/** Whether the payment counts as an advance payment: only a payment dated before the invoice can be one. */
export function isAdvancePayment(dates: Pick<DocumentDates, "issueDate" | "paymentDate">): boolean {
  return dates.paymentDate !== null && dates.paymentDate < dates.issueDate;
}

export type DateProblem = "future_issue_date" | "future_payment_date" | "payment_before_issue";

/**
 * What is wrong with the dates of a document already saved (before these rules existed), for the list the
 * practitioner fixes them from. A credit note's payment date is its own issue date, so only its issue date counts.
 */
export function storedDateProblems(
  document: DocumentDates & { kind: "invoice" | "credit_note" },
  today: IsoDate,
): DateProblem[] {
  const problems: DateProblem[] = [];
  if (document.issueDate > today) problems.push("future_issue_date");
  if (document.kind === "credit_note" || document.paymentDate === null) return problems;
  if (document.paymentDate > today) problems.push("future_payment_date");
  if (document.paymentDate < document.issueDate && !document.paidInAdvance) problems.push("payment_before_issue");
  return problems;
}

const PROBLEM_LABELS: Record<DateProblem, string> = {
  future_issue_date: "data della fattura nel futuro",
  future_payment_date: "data del pagamento nel futuro",
  payment_before_issue: "pagamento precedente alla fattura, senza «Pagamento anticipato»",
};

export function dateProblemLabel(problem: DateProblem): string {
  return PROBLEM_LABELS[problem];
}
