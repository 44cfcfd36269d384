import type { HealthLevel } from "@/lib/domain/installation-health";
import type { InstallationStatus } from "@/lib/services/installation/installation-status";
import styles from "./installation.module.css";

const BADGE: Record<HealthLevel, { className: string; label: string }> = {
  ok: { className: "badge badge-success", label: "Tutto bene" },
  warn: { className: "badge badge-warning", label: "Da controllare" },
  error: { className: "badge badge-danger", label: "Intervieni" },
};

const HEADLINE: Record<HealthLevel, string> = {
  ok: "Parcella funziona regolarmente.",
  warn: "Parcella funziona, ma qualcosa va controllato presto.",
  error: "Qualcosa non funziona: guarda le voci in rosso.",
};

export function InstallationStatusView({ status }: { status: InstallationStatus }) {
  return (
    <>
      <p className={styles.summary} role="status" data-level={status.overall} data-testid="installation-overall">
        <span className={BADGE[status.overall].className}>{BADGE[status.overall].label}</span>{" "}
        {HEADLINE[status.overall]}
      </p>
      <ul className={styles.list}>
        {status.checks.map((check) => (
          <li
            key={check.key}
            className={`card ${styles.item}`}
            data-testid={`check-${check.key}`}
            data-level={check.level}
          >
            <span className={BADGE[check.level].className}>{BADGE[check.level].label}</span>
            <div>
              <h2>{check.label}</h2>
              <p>{check.text}</p>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
