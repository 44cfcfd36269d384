"use server";

import { revalidatePath } from "next/cache";
import { toActionError, type ActionResult } from "@/lib/app-error";
import { requirePractitioner } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { PatientFormValues } from "@/lib/schemas/patient";
import { createPatient } from "@/lib/services/patients/create-patient";
import { setPatientArchived } from "@/lib/services/patients/set-patient-archived";
import { updatePatient } from "@/lib/services/patients/update-patient";

export async function createPatientAction(input: PatientFormValues): Promise<ActionResult<{ id: string }>> {
  try {
    const practitioner = await requirePractitioner();
    const patient = await createPatient({ db: db(), practitionerId: practitioner.id, input });
    revalidatePath("/pazienti");
    return { ok: true, data: { id: patient.id } };
  } catch (error) {
    return toActionError(error, "createPatient");
  }
}

export async function updatePatientAction(patientId: string, input: PatientFormValues): Promise<ActionResult> {
  try {
    const practitioner = await requirePractitioner();
    await updatePatient({ db: db(), practitionerId: practitioner.id, patientId: String(patientId), input });
    revalidatePath("/pazienti", "layout");
    return { ok: true, data: undefined };
  } catch (error) {
    return toActionError(error, "updatePatient");
  }
}

export async function setPatientArchivedAction(patientId: string, archived: boolean): Promise<ActionResult> {
  try {
    const practitioner = await requirePractitioner();
    await setPatientArchived({
      db: db(),
      practitionerId: practitioner.id,
      patientId: String(patientId),
      archived: archived === true,
    });
    revalidatePath("/pazienti", "layout");
    return { ok: true, data: undefined };
  } catch (error) {
    return toActionError(error, "setPatientArchived");
  }
}
