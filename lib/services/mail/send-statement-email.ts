import type { Db } from "../../db";
import { formatCents } from "../../domain/money";
import { SendToSchema } from "../../schemas/mail";
import { parseInput } from "../../schemas/validation";
import { getExpenseStatement, renderExpenseStatementPdfFor } from "../patients/expense-statement";
import { queueMessage } from "./queue-message";
import { greetingName } from "./send-invoice-email";

/** E-mails the patient's annual statement of health expenses (the PDF of the patient card) to the patient. */
export async function sendStatementEmail(options: {
  db: Db;
  practitionerId: string;
  patientId: string;
  year: number;
  input: unknown;
  now?: () => Date;
}) {
  const { to } = parseInput(SendToSchema, options.input);
  const scope = { db: options.db, practitionerId: options.practitionerId, patientId: options.patientId };
  const statement = await getExpenseStatement({ ...scope, year: options.year });
  const { pdf, fileName } = await renderExpenseStatementPdfFor({ ...scope, year: options.year, now: options.now?.() });
  return queueMessage({
    db: options.db,
    practitionerId: options.practitionerId,
    now: options.now,
    message: {
      kind: "statement",
      to,
      values: {
        paziente: greetingName(statement.patient),
        anno: String(options.year),
        importo: formatCents(statement.totalCents),
      },
      patientId: options.patientId,
      attachment: { name: fileName, content: pdf },
    },
  });
}
