import { requireReader } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { renderInvoicePdfFor } from "@/lib/services/invoices/invoice-pdf";
import { routeError } from "@/lib/http/route-error";
import { downloadResponse } from "@/lib/http/download";

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    // Read-only: the owner, or an accountant with a live access to the practice.
    const { practitioner } = await requireReader();
    const { id } = await context.params;
    const { pdf, fileName } = await renderInvoicePdfFor({ db: db(), practitionerId: practitioner.id, invoiceId: id });
    return downloadResponse(pdf, { contentType: "application/pdf", fileName });
  } catch (error) {
    return routeError(error, "invoice-pdf");
  }
}
