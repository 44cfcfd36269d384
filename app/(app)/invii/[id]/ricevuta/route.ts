import { requirePractitioner } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { routeError } from "@/lib/http/route-error";
import { getSubmissionReceipt } from "@/lib/services/sts-log/submission-files";

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const practitioner = await requirePractitioner();
    const { id } = await context.params;
    const { bytes, fileName } = await getSubmissionReceipt({ db: db(), practitionerId: practitioner.id, submissionId: id });
    return new Response(Buffer.from(bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return routeError(error, "sts-receipt");
  }
}
