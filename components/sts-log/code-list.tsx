import type { DocumentCode } from "@/lib/presentation/sts-log/document-codes";
import type { FixContext } from "@/lib/presentation/sts-log/fix-target";
import { FixLink } from "./fix-link";
import styles from "./sts-log.module.css";

const TONES = { error: styles.codeError, warning: styles.codeWarning, info: styles.codeInfo } as const;
const SEVERITY_LABELS = { error: "Errore", warning: "Segnalazione", info: "Informazione" } as const;
const SEVERITY_CHIPS = {
  error: styles.severityError,
  warning: styles.severityWarning,
  info: styles.severityInfo,
} as const;

// Each STS code: STS's own words, what they mean in plain Italian (unless that would say the same again), and where
// to fix it.
// Warnings (W…) are shown as such: the document was accepted.
export function CodeList({
  codes,
  context,
  readOnly,
}: {
  codes: DocumentCode[];
  context: FixContext;
  readOnly?: boolean;
}) {
  if (codes.length === 0) return null;
  return (
    <ul className={styles.codes}>
      {codes.map((c, i) => (
        <li
          key={`${c.code}-${i}`}
          className={`${styles.code} ${TONES[c.severity]}`}
          data-testid="sts-code"
          data-severity={c.severity}
        >
          <div className={styles.codeHead}>
            <span className={`${styles.severity} ${SEVERITY_CHIPS[c.severity]}`}>{SEVERITY_LABELS[c.severity]}</span>
            <span className={styles.codeId}>{c.code}</span>
            {c.message ? <span className={styles.codeDescription}>{c.message}</span> : null}
            {c.times > 1 ? <span className={styles.codeTimes}>{`${c.times} volte`}</span> : null}
          </div>
          {sameText(c.explanation, c.message) ? null : <p className={styles.codeExplanation}>{c.explanation}</p>}
          <FixLink fix={c.fix} context={context} readOnly={readOnly} />
        </li>
      ))}
    </ul>
  );
}

function sameText(a: string, b: string): boolean {
  const plain = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9à-ù]+/g, " ")
      .trim();
  return plain(a) === plain(b);
}
