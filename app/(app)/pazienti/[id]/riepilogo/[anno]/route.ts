import { notFound } from "@/lib/app-error";
import { requirePractitioner } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { routeError } from "@/lib/http/route-error";
import { renderExpenseStatementPdfFor } from "@/lib/services/patients/expense-statement";

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
    return new Response(Buffer.from(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return routeError(error, "expense-statement-pdf");
  }
}
