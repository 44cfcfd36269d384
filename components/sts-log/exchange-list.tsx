import type { SubmissionExchange } from "@/lib/services/sts-log/list-submission-exchanges";
import { formatRomeTimestamp } from "@/lib/presentation/sts-log/labels";
import styles from "./sts-log.module.css";

// The raw SOAP traffic, for support. It was redacted when recorded (no password, PIN or ciphertext); React escapes
// the XML, so it is shown as text and never interpreted.
export function ExchangeList({ exchanges }: { exchanges: SubmissionExchange[] }) {
  return (
    <details className={`card ${styles.technical}`} data-testid="technical-details">
      <summary>Dettagli tecnici (per l&apos;assistenza)</summary>
      {exchanges.length === 0 ? (
        <p className={styles.muted}>Nessuna chiamata registrata per questo invio.</p>
      ) : (
        exchanges.map((e) => (
          <div key={e.id} className={styles.exchange}>
            <div className={styles.exchangeHead}>
              <strong>{e.operation}</strong>
              <span>{formatRomeTimestamp(e.createdAt)}</span>
              <span>HTTP {e.httpStatus ?? "nessuna risposta"}</span>
              <span>{e.durationMs} ms</span>
            </div>
            <div className={styles.exchangeUrl}>{e.url}</div>
            <p className={styles.xmlLabel}>Richiesta</p>
            <pre className={styles.xml}>{e.request}</pre>
            <p className={styles.xmlLabel}>Risposta</p>
            <pre className={styles.xml}>{e.response || "(vuota)"}</pre>
          </div>
        ))
      )}
    </details>
  );
}
