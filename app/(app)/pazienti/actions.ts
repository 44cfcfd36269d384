"use server";

import { z } from "zod";
import { action, Id } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { createPatient } from "@/lib/services/patients/create-patient";
import { deletePatient } from "@/lib/services/patients/delete-patient";
import { setPatientArchived } from "@/lib/services/patients/set-patient-archived";
import { updatePatient } from "@/lib/services/patients/update-patient";

export const createPatientAction = action(
  { name: "createPatient", args: z.tuple([z.unknown()]), revalidate: ["/pazienti"] },
  async ({ practitioner }, input) => {
    const patient = await createPatient({ db: db(), practitionerId: practitioner.id, input });
    return { id: patient.id };
  },
);

export const updatePatientAction = action(
  { name: "updatePatient", args: z.tuple([Id, z.unknown()]), revalidate: [["/pazienti", "layout"]] },
  async ({ practitioner }, patientId, input) => {
    await updatePatient({ db: db(), practitionerId: practitioner.id, patientId, input });
    return undefined;
  },
);

export const setPatientArchivedAction = action(
  { name: "setPatientArchived", args: z.tuple([Id, z.boolean()]), revalidate: [["/pazienti", "layout"]] },
  async ({ practitioner }, patientId, archived) => {
    await setPatientArchived({ db: db(), practitionerId: practitioner.id, patientId, archived });
    return undefined;
  },
);

export const deletePatientAction = action(
  { name: "deletePatient", args: z.tuple([Id]), revalidate: [["/pazienti", "layout"]] },
  async ({ practitioner }, patientId) => {
    await deletePatient({ db: db(), practitionerId: practitioner.id, patientId });
    return undefined;
  },
);
