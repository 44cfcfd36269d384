import { db } from "@/lib/db";
import { stsInstallationNotice } from "@/lib/services/sts/sts-installation-notice";

// The STS notice that concerns every practitioner of the installation alike (the encryption certificate): shown at
// the top of every page, settings included, since it is not something a practitioner's own settings fix.
export async function StsInstallationBanner() {
  const notice = await stsInstallationNotice(db(), new Date());
  if (!notice) return null;
  const danger = notice.tone === "danger";
  return (
    <div
      role={danger ? "alert" : "status"}
      data-testid="sts-installation-banner"
      data-tone={notice.tone}
      style={{
        background: danger ? "var(--danger-soft)" : "var(--warning-soft)",
        color: danger ? "var(--danger)" : "var(--warning)",
        border: `1px solid ${danger ? "#f1aca6" : "#e6c66a"}`,
        borderRadius: "var(--radius)",
        padding: "0.75rem 1rem",
        margin: "0 0 1rem",
        overflowWrap: "anywhere",
      }}
    >
      <strong>{notice.title}.</strong> {notice.text}
    </div>
  );
}
