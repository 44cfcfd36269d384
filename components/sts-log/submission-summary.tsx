import type { SubmissionDetail } from "@/lib/services/sts-log/get-submission";
import { channelLabel, formatRomeDateTime, triggerLabel } from "@/lib/presentation/sts-log/labels";
import { STS_STATI } from "@/lib/sts/codes";
import { FixLink } from "./fix-link";
import { OutcomeCountsText } from "./outcome-counts";
import { EnvironmentBadge, SubmissionStateBadges } from "./submission-badges";
import styles from "./sts-log.module.css";

// The submission's header: when, how, where, what STS answered, and the files STS issued.
export function SubmissionSummary({ submission, readOnly }: { submission: SubmissionDetail; readOnly?: boolean }) {
  const stato = submission.stato !== null ? STS_STATI[submission.stato] : undefined;
  return (
    <section className="card" aria-label="Riepilogo dell'invio">
      <dl className={styles.summary}>
        <div>
          <dt>Data e ora</dt>
          <dd>{formatRomeDateTime(submission.createdAt)}</dd>
        </div>
        <div>
          <dt>Tipo di invio</dt>
          <dd>
            {triggerLabel(submission.trigger)} · {channelLabel(submission.channel)}
          </dd>
        </div>
        <div>
          <dt>Ambiente</dt>
          <dd>
            <EnvironmentBadge environment={submission.environment} />
          </dd>
        </div>
        <div>
          <dt>Documenti</dt>
          <dd>{submission.documentCount}</dd>
        </div>
        <div>
          <dt>Protocollo</dt>
          <dd>{submission.protocollo ?? "—"}</dd>
        </div>
        <div>
          <dt>Data di accoglienza</dt>
          {/* STS writes it as dd-MM-yyyy HH:mm:ss; the app writes dates with slashes. */}
          <dd>{submission.acceptedAt?.replace(/^(\d{2})-(\d{2})-(\d{4})/, "$1/$2/$3") ?? "—"}</dd>
        </div>
        <div>
          <dt>Stato</dt>
          <dd>
            <SubmissionStateBadges status={submission.status} outcome={submission.outcome} />
          </dd>
        </div>
        <div>
          <dt>Esito dei documenti</dt>
          <dd>
            <OutcomeCountsText counts={submission.counts} />
          </dd>
        </div>
        {submission.completedAt ? (
          <div>
            <dt>Concluso</dt>
            <dd>{formatRomeDateTime(submission.completedAt)}</dd>
          </div>
        ) : null}
      </dl>
      {stato ? (
        <p className={styles.muted}>
          Sistema TS: {stato.description} — {stato.explanation}
        </p>
      ) : null}
      {submission.error ? (
        <div className={styles.errorBox} role="note" data-testid="submission-error">
          <strong>
            {submission.error.code}
            {submission.errorMessage ? ` · ${submission.errorMessage}` : ""}
          </strong>
          <p>{submission.error.explanation}</p>
          <FixLink fix={submission.error.fix} readOnly={readOnly} />
        </div>
      ) : null}
      {submission.channel === "sync" && submission.status === "completed" ? (
        <p className={styles.muted} data-testid="sync-no-receipt">
          Inviato da solo con &quot;Invia ora&quot;: il Sistema TS risponde subito con l&apos;esito del documento e non
          rilascia una ricevuta PDF per questo tipo di invio. Vale il protocollo qui sopra; la ricevuta cumulativa
          arriva solo per gli invii a lotti.
        </p>
      ) : null}
      {submission.hasReceipt || submission.hasErrorsCsv ? (
        <div className={styles.buttons}>
          {submission.hasReceipt ? (
            <a className="btn btn-secondary" href={`/invii/${submission.id}/ricevuta`}>
              Scarica la ricevuta (PDF)
            </a>
          ) : null}
          {submission.hasErrorsCsv ? (
            <a className="btn btn-secondary" href={`/invii/${submission.id}/errori`}>
              Scarica il dettaglio errori (CSV)
            </a>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
