import { notFound } from "../../app-error";
import type { Db } from "../../db";
import { markCitizenReportHandled } from "../../data/sts-citizen-reports";

/**
 * "Segna come gestita": the practitioner corrected the invoice (the edit sends a variazione) or found the data right.
 * Marking one already handled changes nothing.
 */
export async function markReportHandled(options: { db: Db; practitionerId: string; reportId: string; now?: Date }) {
  const { db, practitionerId, reportId } = options;
  if (!(await markCitizenReportHandled(db, practitionerId, reportId, options.now ?? new Date())))
    throw notFound("Segnalazione non trovata.");
}
