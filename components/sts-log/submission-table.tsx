import Link from "@/components/ui/link";
import type { SubmissionListRow } from "@/lib/services/sts-log/list-submissions";
import { channelLabel, formatRomeDateTime, triggerLabel } from "@/lib/presentation/sts-log/labels";
import { OutcomeCountsText } from "./outcome-counts";
import { EnvironmentBadge, SubmissionStateBadges } from "./submission-badges";
import styles from "./sts-log.module.css";

export function SubmissionTable({ rows }: { rows: SubmissionListRow[] }) {
  return (
    <div className={styles.tableFit}>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Data e ora</th>
              <th scope="col">Tipo</th>
              <th scope="col">Ambiente</th>
              <th scope="col">Protocollo</th>
              <th scope="col">Stato</th>
              <th scope="col">Documenti ed esito</th>
              <th scope="col">Scarica</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid="submission-row">
                <td className={styles.nowrap}>
                  <Link
                    href={`/invii/${row.id}`}
                    aria-label={`Dettaglio dell'invio del ${formatRomeDateTime(row.createdAt)}`}
                  >
                    {formatRomeDateTime(row.createdAt)}
                  </Link>
                </td>
                <td>
                  {triggerLabel(row.trigger)}
                  <br />
                  <span className={styles.muted}>{channelLabel(row.channel)}</span>
                </td>
                <td>
                  <EnvironmentBadge environment={row.environment} />
                </td>
                <td className={styles.nowrap}>{row.protocollo ?? "—"}</td>
                <td>
                  <SubmissionStateBadges status={row.status} outcome={row.outcome} />
                </td>
                <td>
                  <span className={styles.documentCount}>
                    {row.documentCount === 1 ? "1 documento" : `${row.documentCount} documenti`}
                  </span>
                  <OutcomeCountsText counts={row.counts} />
                </td>
                <td>
                  <span className={styles.downloads}>
                    {row.hasReceipt ? <a href={`/invii/${row.id}/ricevuta`}>Ricevuta PDF</a> : null}
                    {row.hasErrorsCsv ? <a href={`/invii/${row.id}/errori`}>Errori CSV</a> : null}
                    {!row.hasReceipt && !row.hasErrorsCsv ? <span className={styles.muted}>—</span> : null}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
