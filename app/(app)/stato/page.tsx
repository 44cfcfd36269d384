import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InstallationStatusView } from "@/components/installation/installation-status";
import { requirePractitionerPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { backupDir, env } from "@/lib/env";
import { installationStatus } from "@/lib/services/installation/installation-status";
import { isAdministrator } from "@/lib/services/installation/is-administrator";

export const metadata: Metadata = { title: "Stato dell'installazione" };
export const dynamic = "force-dynamic";

// For the installation's administrator only: any other practitioner gets the same 404 as a page that does not exist
// (outside impostazioni/, whose loading boundary would stream a 200 before the 404 is known).
export default async function StatoPage() {
  const practitioner = await requirePractitionerPage();
  const e = env();
  if (!(await isAdministrator({ db: db(), practitioner, adminEmail: e.ADMIN_EMAIL }))) notFound();
  const status = await installationStatus({
    db: db(),
    now: new Date(),
    provider: e.databaseProvider,
    dataDir: e.dataDir,
    backupDir: backupDir(),
    backupsEnabled: e.BACKUP_ENABLED,
  });
  return (
    <>
      <h1>Stato dell&apos;installazione</h1>
      <InstallationStatusView status={status} />
    </>
  );
}
