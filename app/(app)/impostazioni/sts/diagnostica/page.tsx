import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { EnvironmentBadge } from "@/components/sts/environment-badge";
import { StsDiagnosis } from "@/components/sts-settings/sts-diagnosis";
import { requirePractitionerPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getStsSettingsView } from "@/lib/services/sts-settings/get-sts-settings-view";

export const metadata: Metadata = { title: "Diagnostica STS" };

export default async function StsDiagnosisPage() {
  const practitioner = await requirePractitionerPage();
  const view = await getStsSettingsView({ db: db(), practitionerId: practitioner.id, today: new Date() });
  return (
    <>
      <p>
        <Link href="/impostazioni/sts">← Sistema Tessera Sanitaria</Link>
      </p>
      <h1>Diagnostica STS</h1>
      <p>
        <EnvironmentBadge detailed />
      </p>
      <StsDiagnosis hasCredentials={view.complete} />
    </>
  );
}
