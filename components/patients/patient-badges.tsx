import type { Patient } from "@/lib/generated/sqlite/client";
import styles from "./patients.module.css";

type BadgePatient = Pick<Patient, "kind" | "foreign" | "opposesSts" | "archivedAt">;

// Why a patient's invoices will not reach the Sistema TS, at a glance.
export function PatientBadges({ patient }: { patient: BadgePatient }) {
  const badges: { label: string; tone: string }[] = [];
  if (patient.archivedAt) badges.push({ label: "Archiviato", tone: "badge-warning" });
  if (patient.kind === "company") badges.push({ label: "Azienda: non inviato a STS", tone: "badge-info" });
  if (patient.foreign) badges.push({ label: "Straniero: non inviato a STS", tone: "badge-info" });
  if (patient.opposesSts) badges.push({ label: "Opposizione all'invio STS", tone: "badge-danger" });
  if (!badges.length) return <span aria-label="Nessuna nota">—</span>;
  return (
    <span className={styles.badgeList}>
      {badges.map((b) => (
        <span key={b.label} className={`badge ${b.tone}`}>
          {b.label}
        </span>
      ))}
    </span>
  );
}
