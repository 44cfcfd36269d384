"use server";

import { revalidatePath } from "next/cache";
import type { CredentialsCheckResult } from "@/components/sts-settings/check-result";
import { toActionError, type ActionResult } from "@/lib/app-error";
import { requirePractitioner } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { StsSettingsFormValues } from "@/lib/schemas/sts-settings";
import { checkStsCredentials } from "@/lib/services/sts-settings/check-sts-credentials";
import { diagnoseStsForPractitioner } from "@/lib/services/sts/diagnose-sts";
import type { DoctorReport } from "@/lib/sts/doctor/run-doctor";
import { saveStsSettings, type SaveStsSettingsResult } from "@/lib/services/sts-settings/save-sts-settings";

export async function saveStsSettingsAction(
  input: StsSettingsFormValues,
): Promise<ActionResult<SaveStsSettingsResult>> {
  try {
    const practitioner = await requirePractitioner();
    const result = await saveStsSettings({ db: db(), practitionerId: practitioner.id, input });
    // The shell's banner reads these settings on every page.
    revalidatePath("/", "layout");
    return { ok: true, data: result };
  } catch (error) {
    return toActionError(error, "saveStsSettings");
  }
}

export async function checkStsCredentialsAction(): Promise<ActionResult<CredentialsCheckResult>> {
  try {
    const practitioner = await requirePractitioner();
    const check = await checkStsCredentials({ db: db(), practitionerId: practitioner.id, now: new Date() });
    revalidatePath("/", "layout");
    return {
      ok: true,
      data: {
        ok: check.ok,
        message: check.message,
        fix: check.fix,
        checkedAt: check.checkedAt.toISOString(),
        resumed: check.resumed,
      },
    };
  } catch (error) {
    return toActionError(error, "checkStsCredentials");
  }
}

export async function runStsDiagnosisAction(): Promise<ActionResult<DoctorReport>> {
  try {
    const practitioner = await requirePractitioner();
    const { report } = await diagnoseStsForPractitioner({ db: db(), practitionerId: practitioner.id });
    // A diagnosis can lift (or record) the installation's pause for the certificate: the shell's banner shows it.
    revalidatePath("/", "layout");
    return { ok: true, data: report };
  } catch (error) {
    return toActionError(error, "runStsDiagnosis");
  }
}
