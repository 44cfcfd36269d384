import Link from "@/components/ui/link";
import { Dashboard } from "@/components/invoices/dashboard";
import { FirstRunChecklist } from "@/components/invoices/first-run-checklist";
import { DeadlineBanner } from "@/components/sts/deadline-banner";
import { CitizenReportsBanner } from "@/components/sts-citizen-reports/citizen-reports-banner";
import { ReconciliationBanner } from "@/components/sts-reconciliation/reconciliation-banner";
import { requirePractitionerPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isoDate } from "@/lib/domain/dates";
import { getDashboard } from "@/lib/services/invoices/dashboard";
import { getFirstRunSteps } from "@/lib/services/profile/first-run-steps";

export default async function HomePage() {
  const practitioner = await requirePractitionerPage();
  const year = Number(isoDate(new Date()).slice(0, 4));
  const [figures, steps] = await Promise.all([
    getDashboard({ db: db(), practitionerId: practitioner.id, year }),
    getFirstRunSteps({ db: db(), practitionerId: practitioner.id }),
  ]);
  return (
    <>
      <div className="page-head">
        <h1>Ti diamo il benvenuto, {practitioner.name}</h1>
        <Link className="btn btn-primary" href="/fatture/nuova">
          Nuova fattura
        </Link>
      </div>
      <FirstRunChecklist steps={steps} />
      <DeadlineBanner practitionerId={practitioner.id} />
      <ReconciliationBanner practitionerId={practitioner.id} />
      <CitizenReportsBanner practitionerId={practitioner.id} />
      <Dashboard figures={figures} />
    </>
  );
}
