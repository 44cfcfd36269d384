import { requireReader } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { notFound } from "@/lib/app-error";
import { downloadResponse } from "@/lib/http/download";
import { routeError } from "@/lib/http/route-error";
import { exportFiguresCsv, exportFiguresPdf } from "@/lib/services/figures/export-figures";

// /cifre/esporta?anno=2026&formato=csv|pdf: the year's figures for the accountant.
export async function GET(request: Request) {
  try {
    const { practitioner } = await requireReader();
    const params = new URL(request.url).searchParams;
    const year = Number(params.get("anno"));
    const format = params.get("formato") ?? "csv";
    const options = { db: db(), practitionerId: practitioner.id, year };
    if (format === "csv") {
      return downloadResponse(await exportFiguresCsv(options), {
        contentType: "text/csv; charset=utf-8",
        fileName: `cifre-${year}.csv`,
      });
    }
    if (format === "pdf") {
      return downloadResponse(await exportFiguresPdf(options), {
        contentType: "application/pdf",
        fileName: `cifre-${year}.pdf`,
      });
    }
    throw notFound("Formato non disponibile.");
  } catch (error) {
    return routeError(error, "figures-export");
  }
}
