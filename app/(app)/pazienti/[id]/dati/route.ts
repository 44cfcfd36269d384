import { requirePractitioner } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { downloadResponse } from "@/lib/http/download";
import { routeError } from "@/lib/http/route-error";
import { exportPatientData } from "@/lib/services/export/export-patient";

// The patient's own data on request (portability): a ZIP with the card, the documents and their PDFs.
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const practitioner = await requirePractitioner();
    const { id } = await context.params;
    const { bytes, fileName } = await exportPatientData({ db: db(), practitionerId: practitioner.id, patientId: id });
    return downloadResponse(bytes, { contentType: "application/zip", fileName });
  } catch (error) {
    return routeError(error, "patient-data");
  }
}
