import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { EnvironmentBadge } from "@/components/sts/environment-badge";
import { KitUserHint } from "@/components/sts-settings/kit-user-hint";
import { PausedBanner } from "@/components/sts-settings/paused-banner";
import { StsSettingsForm } from "@/components/sts-settings/sts-settings-form";
import { requirePractitionerPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatItalianDate } from "@/lib/domain/dates";
import { env } from "@/lib/env";
import { getProfile } from "@/lib/services/profile/get-profile";
import { getStsSettingsView } from "@/lib/services/sts-settings/get-sts-settings-view";

export const metadata: Metadata = { title: "Sistema Tessera Sanitaria" };

export default async function StsSettingsPage() {
  const practitioner = await requirePractitionerPage();
  const today = new Date();
  const view = await getStsSettingsView({ db: db(), practitionerId: practitioner.id, today });
  const expiry = view.passwordExpiry;
  // First visit: the titolare is almost always the practitioner of the profile.
  const profile = view.cfTitolare ? null : await getProfile({ db: db(), practitionerId: practitioner.id });
  return (
    <>
      <p>
        <Link href="/impostazioni">← Impostazioni</Link>
      </p>
      <h1>Sistema Tessera Sanitaria</h1>
      <p>
        <EnvironmentBadge detailed />
      </p>
      <p>
        <Link href="/impostazioni/sts/diagnostica">Diagnostica STS →</Link>{" "}
        <span className="hint">se il collegamento non funziona: controlla passo per passo cosa non va.</span>
      </p>
      {view.autoSend && view.pausedAt ? (
        <PausedBanner reason={view.pausedReason} since={formatItalianDate(view.pausedAt)} />
      ) : null}
      {env().STS_ENVIRONMENT === "simulator" && !view.complete ? <KitUserHint /> : null}
      <StsSettingsForm
        initial={{
          cfTitolare: view.cfTitolare ?? profile?.codiceFiscale ?? "",
          // Shown empty when it is just the CF again, as the hint says.
          username: view.username && view.username !== view.cfTitolare ? view.username : "",
          password: "",
          pincode: "",
          autoSend: view.autoSend,
          autoSendFrom: view.autoSendFrom ?? "",
          passwordValidityDays: view.passwordValidityDays === null ? "" : String(view.passwordValidityDays),
        }}
        passwordSetOn={view.passwordSetAt ? formatItalianDate(view.passwordSetAt) : null}
        pincodeSetOn={view.pincodeSetAt ? formatItalianDate(view.pincodeSetAt) : null}
        passwordAge={
          view.passwordSetAt && expiry
            ? {
                setOn: formatItalianDate(view.passwordSetAt),
                ageDays: expiry.ageDays,
                expiresOn: formatItalianDate(expiry.expiresOn),
                daysLeft: expiry.daysLeft,
                level: expiry.level,
              }
            : null
        }
        defaultValidityDays={env().STS_PASSWORD_VALIDITY_DAYS}
        canCheck={view.complete}
        lastCheck={{
          ok: view.lastCheckOk,
          message: view.lastCheckMessage,
          at: view.lastCheckAt?.toISOString() ?? null,
        }}
        exampleYear={Number(formatItalianDate(today).slice(6))}
      />
    </>
  );
}
