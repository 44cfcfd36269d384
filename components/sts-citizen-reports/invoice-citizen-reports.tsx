import { db } from "@/lib/db";
import { invoiceCitizenReports } from "@/lib/services/sts-citizen-reports/list-citizen-reports";
import { CitizenReportCard } from "./citizen-report-card";

// The citizens' reports about this invoice, on its page; nothing when there are none.
export async function InvoiceCitizenReports({
  practitionerId,
  invoiceId,
}: {
  practitionerId: string;
  invoiceId: string;
}) {
  const reports = await invoiceCitizenReports({ db: db(), practitionerId, invoiceId });
  if (reports.length === 0) return null;
  return (
    <section
      aria-labelledby="invoice-citizen-reports"
      data-testid="invoice-citizen-reports"
      className="citizen-reports-section"
    >
      <h2 id="invoice-citizen-reports">Segnalazioni del paziente al Sistema TS</h2>
      <ul className="reconcile-list">
        {reports.map((report) => (
          <CitizenReportCard key={report.id} report={report} withInvoice={false} />
        ))}
      </ul>
    </section>
  );
}
