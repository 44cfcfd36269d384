"use server";

import { revalidatePath } from "next/cache";
import { toActionError, type ActionResult } from "@/lib/app-error";
import { requirePractitioner } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { ProfileFormValues } from "@/lib/schemas/profile";
import { saveProfile } from "@/lib/services/profile/save-profile";

export async function saveProfileAction(input: ProfileFormValues): Promise<ActionResult> {
  try {
    const practitioner = await requirePractitioner();
    await saveProfile({ db: db(), practitionerId: practitioner.id, input });
    revalidatePath("/impostazioni", "layout");
    return { ok: true, data: undefined };
  } catch (error) {
    return toActionError(error, "saveProfile");
  }
}
