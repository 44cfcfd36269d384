import { AppError } from "../../app-error";
import { isoDate } from "../../domain/dates";
import { documentDateErrors, FUTURE_ISSUE_DATE, type DocumentDates } from "../../domain/invoice-dates";

// The server's check of the forms' date rules, against today in Italy at `now`: the browser checks the same
// rules first, but its clock and its checks are never trusted.
export function assertDocumentDates(dates: DocumentDates, now: Date) {
  const errors = documentDateErrors(dates, isoDate(now));
  if (Object.keys(errors).length > 0) throw new AppError("validation", "Controlla i campi evidenziati.", errors);
}

export function assertIssueDateNotFuture(issueDate: string, now: Date) {
  const today = isoDate(now);
  if (issueDate > today) {
    throw new AppError("validation", "Controlla i campi evidenziati.", { issueDate: [FUTURE_ISSUE_DATE(today)] });
  }
}
