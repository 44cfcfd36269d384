import Link from "@/components/ui/link";
import styles from "./sts-log.module.css";

// Above a submission's documents, when some of them were refused: show only those, or all of them again.
export function DocumentFilter(props: { submissionId: string; onlyRefused: boolean; refused: number; total: number }) {
  const { submissionId, onlyRefused, refused, total } = props;
  if (refused === 0 || refused === total) return null;
  const which = refused === 1 ? "il documento scartato o non inviato" : `i ${refused} documenti scartati o non inviati`;
  return (
    <p className={styles.documentFilter}>
      {onlyRefused ? (
        <>
          {`Sono elencati solo ${which}. `}
          <Link href={`/invii/${submissionId}#documenti`}>{`Mostra tutti i ${total} documenti`}</Link>
        </>
      ) : (
        <Link href={`/invii/${submissionId}?documenti=scartati#documenti`}>{`Mostra solo ${which}`}</Link>
      )}
    </p>
  );
}
