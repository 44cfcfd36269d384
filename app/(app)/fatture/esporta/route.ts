import { requirePractitioner } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isoDate } from "@/lib/domain/dates";
import { parseInvoiceFilters } from "@/lib/schemas/invoice-filters";
import { exportInvoicesCsv } from "@/lib/services/invoices/export-invoices-csv";
import { routeError } from "@/lib/http/route-error";

export async function GET(request: Request) {
  try {
    const practitioner = await requirePractitioner();
    const filters = parseInvoiceFilters(Object.fromEntries(new URL(request.url).searchParams));
    const csv = await exportInvoicesCsv({ db: db(), practitionerId: practitioner.id, filters });
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="fatture-${isoDate(new Date())}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return routeError(error, "invoice-export");
  }
}
