import Link from "next/link";
import { Dashboard } from "@/components/invoices/dashboard";
import { DeadlineBanner } from "@/components/sts/deadline-banner";
import { ReconciliationBanner } from "@/components/sts-reconciliation/reconciliation-banner";
import { requirePractitionerPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isoDate } from "@/lib/domain/dates";
import { getDashboard } from "@/lib/services/invoices/dashboard";

export default async function HomePage() {
  const practitioner = await requirePractitionerPage();
  const year = Number(isoDate(new Date()).slice(0, 4));
  const figures = await getDashboard({ db: db(), practitionerId: practitioner.id, year });
  return (
    <>
      <div className="page-head">
        <h1>Benvenuto, {practitioner.name}</h1>
        <Link className="btn btn-primary" href="/fatture/nuova">
          Nuova fattura
        </Link>
      </div>
      <DeadlineBanner practitionerId={practitioner.id} />
      <ReconciliationBanner practitionerId={practitioner.id} />
      <Dashboard figures={figures} />
    </>
  );
}
