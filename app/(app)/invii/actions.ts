"use server";

import { revalidatePath } from "next/cache";
import { toActionError, type ActionResult } from "@/lib/app-error";
import { requirePractitioner } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { resendSubmission } from "@/lib/services/sts/resend-submission";

export async function resendSubmissionAction(
  submissionId: string,
): Promise<ActionResult<{ submissions: number; documents: number; submissionId: string | null }>> {
  try {
    const practitioner = await requirePractitioner();
    const data = await resendSubmission({
      db: db(),
      practitionerId: practitioner.id,
      submissionId: String(submissionId),
    });
    revalidatePath("/invii");
    revalidatePath("/fatture");
    return { ok: true, data };
  } catch (error) {
    return toActionError(error, "sts-resend");
  }
}
