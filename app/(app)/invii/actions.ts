"use server";

import { z } from "zod";
import { action, Id } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { resendSubmission } from "@/lib/services/sts/resend-submission";

export const resendSubmissionAction = action(
  { name: "sts-resend", args: z.tuple([Id]), revalidate: ["/invii", "/fatture"] },
  ({ practitioner }, submissionId) => resendSubmission({ db: db(), practitionerId: practitioner.id, submissionId }),
);
