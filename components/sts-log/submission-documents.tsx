import Link from "@/components/ui/link";
import { StsDot } from "@/components/sts/sts-dot";
import type { SubmissionDocumentDetail } from "@/lib/services/sts-log/get-submission";
import { documentOutcomeLabel, operationLabel } from "@/lib/presentation/sts-log/labels";
import { documentNumberLabel } from "@/lib/presentation/invoices/labels";
import { patientDisplayName } from "@/lib/presentation/patients/patient-display-name";
import { formatItalianDate } from "@/lib/domain/dates";
import { CodeList } from "./code-list";
import styles from "./sts-log.module.css";

// A document's outcome shown with the colours of the STS dot (docs/STS-TRANSMISSION.md, state table); "pending" is the
// blue of awaiting outcome.
const DOT_STATES: Record<string, string> = {
  pending: "awaiting_outcome",
  accepted: "accepted",
  accepted_with_warnings: "accepted_with_warnings",
  rejected: "rejected",
  failed: "failed",
};
const BORDERS: Record<string, string> = {
  pending: styles.documentPending,
  accepted: styles.documentAccepted,
  accepted_with_warnings: styles.documentWarning,
  rejected: styles.documentRejected,
  failed: styles.documentRejected,
};

export function SubmissionDocuments({
  documents,
  readOnly,
}: {
  documents: SubmissionDocumentDetail[];
  readOnly?: boolean;
}) {
  if (documents.length === 0) return <p className={styles.muted}>Nessun documento registrato per questo invio.</p>;
  return (
    <ol className={styles.documents}>
      {documents.map((d) => {
        const invoice = d.invoice;
        const label =
          invoice.kind === "credit_note"
            ? `Nota di credito n. ${documentNumberLabel(invoice)}`
            : `Fattura n. ${documentNumberLabel(invoice)}`;
        return (
          <li
            key={d.id}
            className={`${styles.document} ${BORDERS[d.outcome] ?? ""}`}
            data-testid="submission-document"
            data-outcome={d.outcome}
          >
            <div className={styles.documentHead}>
              <Link className={styles.documentTitle} href={`/fatture/${invoice.id}`}>
                {label}
              </Link>
              <span className={styles.documentMeta}>
                del {formatItalianDate(invoice.issueDate)} · {patientDisplayName(invoice.patient)} ·{" "}
                {operationLabel(d.operation)}
              </span>
              <span className={styles.outcome}>
                <StsDot state={DOT_STATES[d.outcome] ?? "not_applicable"} />
                {documentOutcomeLabel(d.outcome)}
              </span>
            </div>
            <CodeList codes={d.codes} context={{ patientId: invoice.patient.id, invoice }} readOnly={readOnly} />
          </li>
        );
      })}
    </ol>
  );
}
