import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { SubmissionFiltersForm } from "@/components/sts-log/submission-filters";
import { SubmissionTable } from "@/components/sts-log/submission-table";
import styles from "@/components/sts-log/sts-log.module.css";
import { requireReaderPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { toQueryString } from "@/lib/schemas/search-params";
import { listSubmissions } from "@/lib/services/sts-log/list-submissions";
import { StsAutoRefresh } from "@/components/sts/sts-auto-refresh";
import { CitizenReportsBanner } from "@/components/sts-citizen-reports/citizen-reports-banner";
import { ReconciliationBanner } from "@/components/sts-reconciliation/reconciliation-banner";
import { parseSubmissionFilters } from "@/lib/schemas/submission-filters";

export const metadata: Metadata = { title: "Invii STS" };

export default async function SubmissionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Also the accountant's (read-only): the log and receipts, not the check against STS.
  const { practitioner, accountant } = await requireReaderPage();
  const filters = parseSubmissionFilters(await searchParams);
  const page = await listSubmissions({
    db: db(),
    practitionerId: practitioner.id,
    page: filters.page,
    filters: { trigger: filters.trigger, outcome: filters.outcome },
  });
  const query = { trigger: filters.trigger, outcome: filters.outcome };
  const filtered = Boolean(filters.trigger || filters.outcome);
  return (
    <>
      <div className="page-head">
        <h1>Invii STS</h1>
        {accountant ? null : (
          <div className="reconcile-bar">
            <Link className="btn" href="/invii/segnalazioni">
              Segnalazioni dei pazienti
            </Link>
            <Link className="btn" href="/invii/verifica">
              Verifica su STS
            </Link>
          </div>
        )}
      </div>
      <p className={styles.intro}>
        Controlla qui l&apos;esito di ogni invio al Sistema Tessera Sanitaria: per ciascun invio trovi i documenti
        accolti, quelli con segnalazioni e quelli scartati, con la spiegazione e il modo di correggerli, oltre alla
        ricevuta del Sistema TS.
      </p>
      {accountant ? null : <ReconciliationBanner practitionerId={practitioner.id} />}
      {accountant ? null : <CitizenReportsBanner practitionerId={practitioner.id} />}
      <SubmissionFiltersForm filters={filters} />
      {page.total === 0 ? (
        <div className="card empty">
          {filtered ? (
            <p>Nessun invio corrisponde ai filtri.</p>
          ) : (
            <>
              <p>Nessun invio al Sistema Tessera Sanitaria finora.</p>
              <p>
                Qui compariranno gli invii manuali (dal pulsante STS nell&apos;elenco delle{" "}
                <Link href="/fatture">fatture</Link>) e quelli automatici, con l&apos;esito di ogni documento e la
                ricevuta.
              </p>
            </>
          )}
        </div>
      ) : (
        <>
          <SubmissionTable rows={page.rows} />
          <StsAutoRefresh active={page.rows.some((r) => r.status === "awaiting_outcome" || r.status === "uploading")} />
          <nav className={styles.pager} aria-label="Pagine">
            <span>
              {page.total === 1 ? "1 invio" : `${page.total} invii`} · pagina {page.page} di {page.pageCount}
            </span>
            {page.page > 1 ? (
              <Link href={`/invii${toQueryString({ ...query, page: page.page - 1 })}`}>← Precedente</Link>
            ) : null}
            {page.page < page.pageCount ? (
              <Link href={`/invii${toQueryString({ ...query, page: page.page + 1 })}`}>Successiva →</Link>
            ) : null}
          </nav>
        </>
      )}
    </>
  );
}
