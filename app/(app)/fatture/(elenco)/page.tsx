import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { InvoiceFiltersForm } from "@/components/invoices/invoice-filters";
import { InvoiceTable } from "@/components/invoices/invoice-table";
import { StsLegend } from "@/components/sts/sts-legend";
import { StsAutoRefresh } from "@/components/sts/sts-auto-refresh";
import { DeadlineBanner } from "@/components/sts/deadline-banner";
import { DatesReviewBanner } from "@/components/invoices/dates-review-banner";
import styles from "@/components/invoices/invoices.module.css";
import { requireReaderPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { findInvoicePage, invoiceYears } from "@/lib/data/invoice-list";
import { countSkippedByMinimumDate } from "@/lib/services/sts/skipped-by-minimum-date";
import { formatItalianDate } from "@/lib/domain/dates";
import { invoiceTableRow } from "@/lib/presentation/invoices/table-row";
import { parseInvoiceFilters } from "@/lib/schemas/invoice-filters";
import { toQueryString } from "@/lib/schemas/search-params";

export const metadata: Metadata = { title: "Fatture" };

export default async function InvoicesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Also the accountant's (read-only): no new invoice, no sending, no STS banners that lead to settings.
  const { practitioner, accountant } = await requireReaderPage();
  const readOnly = accountant !== null;
  const filters = parseInvoiceFilters(await searchParams);
  const [page, years, skipped] = await Promise.all([
    findInvoicePage(db(), practitioner.id, filters),
    invoiceYears(db(), practitioner.id),
    countSkippedByMinimumDate({ db: db(), practitionerId: practitioner.id }),
  ]);
  const query = {
    q: filters.q,
    year: filters.year,
    status: filters.status,
    paid: filters.paid,
    sts: filters.sts,
    sort: filters.sort,
    dir: filters.dir,
    size: filters.size === 25 ? undefined : filters.size,
  };
  return (
    <>
      <div className="page-head">
        <h1>Fatture</h1>
        <div className={styles.buttons}>
          <a className="btn btn-secondary" href={`/fatture/esporta${toQueryString(query)}`}>
            Esporta CSV
          </a>
          {readOnly ? null : (
            <Link className="btn btn-primary" href="/fatture/nuova">
              Nuova fattura
            </Link>
          )}
        </div>
      </div>
      {readOnly ? null : <DeadlineBanner practitionerId={practitioner.id} />}
      {readOnly ? null : <DatesReviewBanner practitionerId={practitioner.id} />}
      {!readOnly && skipped && skipped.count > 0 ? (
        <p className="notice-warning" role="note" data-testid="skipped-by-minimum-date">
          {skipped.count === 1
            ? "1 fattura da inviare ha una data precedente"
            : `${skipped.count} fatture da inviare hanno una data precedente`}{" "}
          al {formatItalianDate(skipped.from)}, la data minima dell&apos;invio automatico: l&apos;invio di ogni ora non
          le considera. Inviale tu con il pulsante STS, oppure anticipa la data minima in{" "}
          <Link href="/impostazioni/sts">Impostazioni → Sistema Tessera Sanitaria</Link>.
        </p>
      ) : null}
      <InvoiceFiltersForm filters={filters} years={years} />
      {page.total === 0 ? (
        <div className="card empty">
          <p>
            {filters.q || filters.year || filters.status || filters.paid || filters.sts
              ? "Nessuna fattura corrisponde ai filtri."
              : "Non hai ancora emesso fatture."}
          </p>
        </div>
      ) : (
        <>
          <InvoiceTable rows={page.rows.map(invoiceTableRow)} readOnly={readOnly} />
          <StsAutoRefresh
            active={page.rows.some((r) => r.stsState === "sending" || r.stsState === "awaiting_outcome")}
          />
          <nav className={styles.pager} aria-label="Pagine">
            <span>
              {page.total} {page.total === 1 ? "documento" : "documenti"} · pagina {page.page} di {page.pageCount}
            </span>
            {page.page > 1 ? (
              <Link href={`/fatture${toQueryString({ ...query, page: page.page - 1 })}`}>← Precedente</Link>
            ) : null}
            {page.page < page.pageCount ? (
              <Link href={`/fatture${toQueryString({ ...query, page: page.page + 1 })}`}>Successiva →</Link>
            ) : null}
          </nav>
          <StsLegend />
        </>
      )}
    </>
  );
}
