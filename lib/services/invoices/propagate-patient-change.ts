import type { DbOrTx } from "../../db";
import { addInvoiceEvent } from "../../data/invoices";
import { findPatient } from "../../data/patients";
import { refreshStsState } from "../sts/refresh-sts-state";
import { parseSnapshot, patientSnapshot, type PatientSnapshot } from "./snapshots";

// A corrected patient card (codice fiscale, name, address, opposition) carries over to the patient's issued
// documents: their printed patient data is refreshed and, where STS-relevant data changed (CF, opposition), the
// content version is bumped so that STS gets a variazione (docs/STS-TRANSMISSION.md, state machine). Each change is in
// the document's history.
export async function propagatePatientChange(
  db: DbOrTx,
  options: { practitionerId: string; patientId: string; actorId: string },
) {
  const { practitionerId, patientId, actorId } = options;
  const patient = await findPatient(db, practitionerId, patientId);
  if (!patient) return;
  const fresh = patientSnapshot(patient);
  const invoices = await db.invoice.findMany({
    where: { practitionerId, patientId, status: "issued" },
    select: { id: true, patientSnapshot: true, opposition: true },
  });
  for (const invoice of invoices) {
    const before = parseSnapshot<PatientSnapshot>(invoice.patientSnapshot);
    const cfChanged = before?.codiceFiscale !== fresh.codiceFiscale;
    const oppositionChanged = invoice.opposition !== patient.opposesSts;
    if (JSON.stringify(before) === JSON.stringify(fresh) && !oppositionChanged) continue;
    await db.invoice.update({
      where: { id: invoice.id },
      data: {
        patientSnapshot: JSON.stringify(fresh),
        opposition: patient.opposesSts,
        contentVersion: cfChanged || oppositionChanged ? { increment: 1 } : undefined,
      },
    });
    const changes: Record<string, [unknown, unknown]> = { patient: [before?.name ?? null, fresh.name] };
    if (cfChanged) changes.codiceFiscale = [before?.codiceFiscale ?? null, fresh.codiceFiscale];
    if (oppositionChanged) changes.opposition = [invoice.opposition, patient.opposesSts];
    await addInvoiceEvent(db, { invoiceId: invoice.id, practitionerId, actorId, action: "updated", changes });
  }
  await refreshStsState(db, { practitionerId, patientId });
}
