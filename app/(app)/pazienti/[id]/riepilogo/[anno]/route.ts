import { notFound } from "@/lib/app-error";
import { requirePractitioner } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { routeError } from "@/lib/http/route-error";
import { renderExpenseStatementPdfFor } from "@/lib/services/patients/expense-statement";
import { downloadResponse } from "@/lib/http/download";

// The patient's annual statement of paid health expenses ("riepilogo spese sanitarie"), as a PDF.
export async function GET(_request: Request, context: { params: Promise<{ id: string; anno: string }> }) {
  try {
    const practitioner = await requirePractitioner();
    const { id, anno } = await context.params;
    if (!/^\d{4}$/.test(anno)) throw notFound("Anno non valido.");
    const { pdf, fileName } = await renderExpenseStatementPdfFor({
      db: db(),
      practitionerId: practitioner.id,
      patientId: id,
      year: Number(anno),
    });
    return downloadResponse(pdf, { contentType: "application/pdf", fileName });
  } catch (error) {
    return routeError(error, "expense-statement-pdf");
  }
}
