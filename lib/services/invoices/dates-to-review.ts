import type { Db } from "../../db";
import { clearDatesToReview, findDocumentsWithDatesToReview, mayHaveDatesToReview } from "../../data/invoices";
import { isoDate } from "../../domain/dates";
import { dateProblemLabel, storedDateProblems } from "../../domain/invoice-dates";
import { documentNumberLabel } from "../../presentation/invoices/labels";

const SHOWN = 20;

// Documents saved before the date rules existed whose dates they refuse, for the list the practitioner fixes
// them from (each links to the document). A future date would block every later number, so they come first.
// Only a practitioner the rules' migration marked can have any (every save since checks the dates): for everyone
// else nothing is searched; once the search finds none left, the mark is cleared, for good.
export async function listDatesToReview(options: { db: Db; practitionerId: string; now?: Date }) {
  const { db, practitionerId } = options;
  if (!(await mayHaveDatesToReview(db, practitionerId))) return { total: 0, items: [] };
  const today = isoDate(options.now ?? new Date());
  const [rows, total] = await findDocumentsWithDatesToReview(db, practitionerId, today, SHOWN);
  if (total === 0) await clearDatesToReview(db, practitionerId);
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
