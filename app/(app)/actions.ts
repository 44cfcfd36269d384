"use server";

import { toActionError, type ActionResult } from "@/lib/app-error";
import { requirePractitioner } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { endSessions } from "@/lib/services/accounts/end-sessions";

export async function logoutAction(): Promise<ActionResult> {
  try {
    const practitioner = await requirePractitioner();
    await endSessions({ db: db(), practitionerId: practitioner.id });
    return { ok: true, data: undefined };
  } catch (error) {
    return toActionError(error, "logout");
  }
}
