import type { Metadata } from "next";
import { MailSettingsForm } from "@/components/mail/mail-settings-form";
import { requirePractitionerPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getMailSettingsView } from "@/lib/services/mail/get-mail-settings-view";

export const metadata: Metadata = { title: "E-mail" };

export default async function EmailSettingsPage() {
  const practitioner = await requirePractitionerPage();
  const view = await getMailSettingsView(db(), practitioner.id);
  return (
    <>
      <h1>E-mail ai pazienti</h1>
      <MailSettingsForm view={view} />
    </>
  );
}
