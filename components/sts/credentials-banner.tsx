import Link from "@/components/ui/link";
import { HideOnStsSettings } from "@/components/sts-settings/hide-on-sts-settings";
import { formatItalianDate } from "@/lib/domain/dates";
import { db } from "@/lib/db";
import { getStsSettingsView, type StsSettingsView } from "@/lib/services/sts-settings/get-sts-settings-view";

type Banner = { tone: "danger" | "warning"; title: string; text: string };

export function credentialsBannerFor(view: StsSettingsView): Banner | null {
  if (view.autoSend && view.pausedAt) {
    return {
      tone: "danger",
      title: "Invio automatico al Sistema TS sospeso",
      text: view.pausedReason ?? "Il Sistema TS ha rifiutato le credenziali.",
    };
  }
  if (!view.complete) return null;
  const expiry = view.passwordExpiry;
  if (expiry?.level === "expired") {
    return {
      tone: "warning",
      title: "Password del Sistema TS probabilmente scaduta",
      text: `Era valida fino al ${formatItalianDate(expiry.expiresOn)}: cambiala sul portale Sistema TS e inseriscila qui.`,
    };
  }
  if (expiry?.level === "warning") {
    const days = expiry.daysLeft === 1 ? "1 giorno" : `${expiry.daysLeft} giorni`;
    return {
      tone: "warning",
      title: `La password del Sistema TS scade tra ${days}`,
      text: `Scadenza stimata: ${formatItalianDate(expiry.expiresOn)}. Cambiala sul portale Sistema TS e aggiornala qui.`,
    };
  }
  if (view.lastCheckOk === false) {
    return {
      tone: "warning",
      title: "Credenziali del Sistema TS non valide",
      text: view.lastCheckMessage ?? "L'ultima verifica non è riuscita.",
    };
  }
  if (view.lastCheckOk !== true) {
    return {
      tone: "warning",
      title: "Credenziali del Sistema TS da verificare",
      text: "Premi «Verifica credenziali» per controllarle senza inviare nulla.",
    };
  }
  return null;
}

// Shown at the top of every page of the shell while the STS connection needs the practitioner's attention.
export async function CredentialsBanner({ practitionerId }: { practitionerId: string }) {
  const view = await getStsSettingsView({ db: db(), practitionerId, today: new Date() });
  const banner = credentialsBannerFor(view);
  if (!banner) return null;
  const danger = banner.tone === "danger";
  return (
    <HideOnStsSettings>
      <div
        role={danger ? "alert" : "status"}
        data-testid="sts-credentials-banner"
        style={{
          background: danger ? "var(--danger-soft)" : "var(--warning-soft)",
          color: danger ? "var(--danger)" : "var(--warning)",
          border: `1px solid ${danger ? "#f1aca6" : "#e6c66a"}`,
          borderRadius: "var(--radius)",
          padding: "0.75rem 1rem",
          margin: "0 0 1rem",
        }}
      >
        <strong>{banner.title}</strong> {banner.text}{" "}
        <Link href="/impostazioni/sts" style={{ color: "inherit", fontWeight: 600 }}>
          Vai alle impostazioni STS
        </Link>
      </div>
    </HideOnStsSettings>
  );
}
