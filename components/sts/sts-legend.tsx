import Link from "@/components/ui/link";
import styles from "./sts.module.css";

const ENTRIES = [
  { color: "var(--dot-yellow)", text: "da inviare (pulsante STS per inviarla ora)" },
  { color: "var(--dot-blue)", text: "inviata, in attesa dell'esito" },
  { color: "var(--dot-green)", text: "accettata dal Sistema TS" },
  { color: "var(--dot-red)", text: "scartata o invio non riuscito: da correggere" },
  { color: "var(--dot-grey)", text: "non inviabile: il motivo è scritto accanto" },
];

// What the dots of the STS column mean, always in view under the list (a tooltip alone reaches neither touch
// screens nor keyboards).
export function StsLegend() {
  return (
    <div className={styles.legend} data-testid="sts-legend">
      <h2 className={styles.legendTitle}>Colonna STS</h2>
      <ul>
        {ENTRIES.map((entry) => (
          <li key={entry.color}>
            <span aria-hidden="true" className="sts-dot" style={{ background: entry.color }} /> {entry.text}
          </li>
        ))}
      </ul>
      <p>
        Senza pallino: la fattura non va al Sistema TS (bozza, cliente non privato). L&apos;esito di ogni invio è in{" "}
        <Link href="/invii">Invii STS</Link>.
      </p>
    </div>
  );
}
