import type { Db } from "../../db";
import { findDocumentsWithDatesToReview } from "../../data/invoices";
import { isoDate } from "../../domain/dates";
import { dateProblemLabel, storedDateProblems } from "../../domain/invoice-dates";
import { documentNumberLabel } from "../../presentation/invoices/labels";

const SHOWN = 20;

// Documents saved before the date rules existed whose dates they refuse, for the list the practitioner fixes
// them from (each links to the document). A future date would block every later number, so they come first.
export async function listDatesToReview(options: { db: Db; practitionerId: string; now?: Date }) {
  const today = isoDate(options.now ?? new Date());
  const [rows, total] = await findDocumentsWithDatesToReview(options.db, options.practitionerId, today, SHOWN);
  const items = rows.map((row) => ({
    id: row.id,
    label:
      row.status === "draft"
        ? "Bozza"
        : `${row.kind === "credit_note" ? "Nota di credito" : "Fattura"} n. ${documentNumberLabel(row)}`,
    issueDate: row.issueDate,
    problems: storedDateProblems({ ...row, kind: row.kind === "credit_note" ? "credit_note" : "invoice" }, today).map(
      dateProblemLabel,
    ),
  }));
  return { total, items };
}
