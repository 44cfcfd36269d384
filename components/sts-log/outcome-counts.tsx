import type { OutcomeCounts } from "@/lib/presentation/sts-log/outcome-counts";
import styles from "./sts-log.module.css";

export function OutcomeCountsText({ counts }: { counts: OutcomeCounts }) {
  return (
    <span className={styles.counts}>
      <span>
        Accolti{"\u00a0"}
        {counts.accepted}
      </span>
      <span className={counts.withWarnings > 0 ? styles.countWarning : undefined}>
        di cui con segnalazioni{"\u00a0"}
        {counts.withWarnings}
      </span>
      <span className={counts.rejected > 0 ? styles.countRejected : undefined}>
        Scartati{"\u00a0"}
        {counts.rejected}
      </span>
      {counts.failed > 0 ? (
        <span className={styles.countRejected}>
          Non riusciti{"\u00a0"}
          {counts.failed}
        </span>
      ) : null}
      {counts.pending > 0 ? (
        <span>
          In attesa{"\u00a0"}
          {counts.pending}
        </span>
      ) : null}
    </span>
  );
}
