import { requireReader } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { routeError } from "@/lib/http/route-error";
import { getSubmissionErrorsCsv } from "@/lib/services/sts-log/submission-files";
import { downloadResponse } from "@/lib/http/download";

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    // Read-only: the owner, or an accountant with a live access to the practice.
    const { practitioner } = await requireReader();
    const { id } = await context.params;
    const { bytes, fileName } = await getSubmissionErrorsCsv({
      db: db(),
      practitionerId: practitioner.id,
      submissionId: id,
    });
    return downloadResponse(bytes, { contentType: "text/csv; charset=utf-8", fileName });
  } catch (error) {
    return routeError(error, "sts-errors-csv");
  }
}
