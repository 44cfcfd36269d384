import Link from "@/components/ui/link";
import { db } from "@/lib/db";
import { countOpenReports } from "@/lib/services/sts-citizen-reports/list-citizen-reports";

// The citizens' reports the practitioner has not marked handled yet (dashboard and send log).
export async function CitizenReportsBanner({ practitionerId }: { practitionerId: string }) {
  const open = await countOpenReports({ db: db(), practitionerId });
  if (open === 0) return null;
  return (
    <div
      className="card"
      role="region"
      aria-label="Segnalazioni dei pazienti"
      data-testid="citizen-reports-banner"
      style={{ marginBottom: "1rem" }}
    >
      <strong>
        {open === 1
          ? "1 paziente ha segnalato al Sistema TS un dato da controllare"
          : `${open} segnalazioni dei pazienti al Sistema TS da controllare`}
      </strong>{" "}
      <Link href="/invii/segnalazioni">{open === 1 ? "Vedi la segnalazione" : "Vedi le segnalazioni"}</Link>
    </div>
  );
}
