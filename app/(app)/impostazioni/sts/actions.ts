"use server";

import { z } from "zod";
import type { CredentialsCheckResult } from "@/lib/services/sts-settings/check-sts-credentials";
import { action } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { checkStsCredentials } from "@/lib/services/sts-settings/check-sts-credentials";
import { diagnoseStsForPractitioner } from "@/lib/services/sts/diagnose-sts";
import { saveStsSettings } from "@/lib/services/sts-settings/save-sts-settings";

// The shell's banner reads these settings (and the installation's pause for the certificate, which a check or a
// diagnosis can lift or record) on every page: every action here revalidates the whole layout.
const everyPage: [string, "layout"][] = [["/", "layout"]];

export const saveStsSettingsAction = action(
  { name: "saveStsSettings", args: z.tuple([z.unknown()]), revalidate: everyPage },
  ({ practitioner }, input) => saveStsSettings({ db: db(), practitionerId: practitioner.id, input }),
);

export const checkStsCredentialsAction = action(
  { name: "checkStsCredentials", args: z.tuple([]), revalidate: everyPage },
  async ({ practitioner }): Promise<CredentialsCheckResult> => {
    const check = await checkStsCredentials({ db: db(), practitionerId: practitioner.id, now: new Date() });
    return {
      ok: check.ok,
      message: check.message,
      fix: check.fix,
      checkedAt: check.checkedAt.toISOString(),
      resumed: check.resumed,
    };
  },
);

export const runStsDiagnosisAction = action(
  { name: "runStsDiagnosis", args: z.tuple([]), revalidate: everyPage },
  async ({ practitioner }) => (await diagnoseStsForPractitioner({ db: db(), practitionerId: practitioner.id })).report,
);
