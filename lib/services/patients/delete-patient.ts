import { AppError, notFound } from "../../app-error";
import type { Db } from "../../db";
import { formatItalianDate, isoDate } from "../../domain/dates";

/** Years invoices and their records must be kept (art. 2220 of the Civil Code; art. 22 DPR 600/1973). */
export const FISCAL_RETENTION_YEARS = 10;

function addYears(date: string, years: number) {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

/**
 * Deletes a patient who has no issued documents (drafts go with them). While fiscal retention applies to a document
 * issued to them, the deletion is refused with the reason and the date it ends; archiving hides them meanwhile.
 */
export async function deletePatient(options: { db: Db; practitionerId: string; patientId: string; now?: Date }) {
  const { db, practitionerId, patientId } = options;
  const today = isoDate(options.now ?? new Date());
  const patient = await db.patient.findFirst({ where: { id: patientId, practitionerId }, select: { id: true } });
  if (!patient) throw notFound("Paziente non trovato.");
  const last = await db.invoice.findFirst({
    where: { practitionerId, patientId, status: { not: "draft" } },
    orderBy: { issueDate: "desc" },
    select: { issueDate: true },
  });
  if (last) {
    const until = addYears(last.issueDate, FISCAL_RETENTION_YEARS);
    const reason =
      until > today
        ? `Non puoi eliminare questo paziente: l'ultimo documento intestato a lui è del ${formatItalianDate(last.issueDate)} e i documenti fiscali vanno conservati per ${FISCAL_RETENTION_YEARS} anni, fino al ${formatItalianDate(until)}. Puoi archiviarlo: non comparirà più negli elenchi.`
        : "Non puoi eliminare questo paziente: ha documenti emessi, che Parcella conserva. Puoi archiviarlo: non comparirà più negli elenchi.";
    throw new AppError("conflict", reason);
  }
  await db.$transaction(async (tx) => {
    await tx.invoice.deleteMany({ where: { practitionerId, patientId, status: "draft" } });
    await tx.patient.deleteMany({ where: { id: patientId, practitionerId } });
  });
}
