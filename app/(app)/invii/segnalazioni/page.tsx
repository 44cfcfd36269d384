import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { CitizenReportCard } from "@/components/sts-citizen-reports/citizen-report-card";
import { CheckNowButton } from "@/components/sts-citizen-reports/report-actions";
import { requirePractitionerPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listCitizenReports } from "@/lib/services/sts-citizen-reports/list-citizen-reports";

export const metadata: Metadata = { title: "Segnalazioni dei pazienti" };

export default async function CitizenReportsPage() {
  const practitioner = await requirePractitionerPage();
  const { open, handled } = await listCitizenReports({ db: db(), practitionerId: practitioner.id });
  return (
    <>
      <div className="page-head">
        <h1>Segnalazioni dei pazienti</h1>
        <Link href="/invii">← Invii STS</Link>
      </div>
      <p className="muted" style={{ maxWidth: "46rem" }}>
        Sul sito del Sistema Tessera Sanitaria i pazienti possono segnalare che una spesa inviata a loro nome è
        sbagliata (l&apos;importo, il tipo di spesa o la spesa stessa). Parcella controlla ogni giorno se ne sono
        arrivate di nuove: per ciascuna vedi cosa ha segnalato il paziente e puoi correggere la fattura, che viene
        inviata di nuovo come variazione, oppure lasciarla com&apos;è se i dati sono giusti.
      </p>
      <div className="card">
        <CheckNowButton />
      </div>
      <section aria-labelledby="citizen-open">
        <h2 id="citizen-open">Da gestire</h2>
        {open.length === 0 ? (
          <p data-testid="citizen-reports-empty">Nessuna segnalazione da gestire.</p>
        ) : (
          <ul className="reconcile-list" data-testid="citizen-reports-open">
            {open.map((report) => (
              <CitizenReportCard key={report.id} report={report} withInvoice />
            ))}
          </ul>
        )}
      </section>
      {handled.length > 0 ? (
        <section aria-labelledby="citizen-handled">
          <h2 id="citizen-handled">Gestite di recente</h2>
          <ul className="reconcile-list" data-testid="citizen-reports-handled">
            {handled.map((report) => (
              <CitizenReportCard key={report.id} report={report} withInvoice />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
