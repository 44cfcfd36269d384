import { requirePractitioner } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { downloadResponse } from "@/lib/http/download";
import { routeError } from "@/lib/http/route-error";
import { getExportDownload } from "@/lib/services/export/run-export";

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const practitioner = await requirePractitioner();
    const { id } = await context.params;
    const { bytes, fileName } = await getExportDownload({ db: db(), practitionerId: practitioner.id, exportId: id });
    return downloadResponse(bytes, { contentType: "application/zip", fileName });
  } catch (error) {
    return routeError(error, "data-export");
  }
}
