import { requireReader } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isoDate } from "@/lib/domain/dates";
import { parseInvoiceFilters } from "@/lib/schemas/invoice-filters";
import { exportInvoicesCsv } from "@/lib/services/invoices/export-invoices-csv";
import { routeError } from "@/lib/http/route-error";
import { downloadResponse } from "@/lib/http/download";

export async function GET(request: Request) {
  try {
    // Read-only: the owner, or an accountant with a live access to the practice.
    const { practitioner } = await requireReader();
    const filters = parseInvoiceFilters(Object.fromEntries(new URL(request.url).searchParams));
    const csv = await exportInvoicesCsv({ db: db(), practitionerId: practitioner.id, filters });
    return downloadResponse(csv, {
      contentType: "text/csv; charset=utf-8",
      fileName: `fatture-${isoDate(new Date())}.csv`,
    });
  } catch (error) {
    return routeError(error, "invoice-export");
  }
}
