import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { DIFFERENCE_TEXT, FIX_TEXT } from "@/components/sts-reconciliation/texts";
import {
  CancelOnSts,
  FixAllButton,
  FixButton,
  VerifyButton,
} from "@/components/sts-reconciliation/reconciliation-actions";
import { requirePractitionerPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatItalianDate, isoDate } from "@/lib/domain/dates";
import { formatCents } from "@/lib/domain/money";
import type { Difference } from "@/lib/domain/sts/reconciliation";
import { grandTotal } from "@/lib/domain/sts/totals";
import { differenceKey, findReconciliation } from "@/lib/services/sts-reconciliation/fix-difference";

export const metadata: Metadata = { title: "Verifica su STS" };

function amounts(totals: Difference["stsTotals"]) {
  if (totals.length === 0) return "—";
  return totals.map((t) => `${t.tipoSpesa} ${formatCents(t.amountCents)}`).join(", ");
}

export default async function ReconciliationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const practitioner = await requirePractitionerPage();
  const current = Number(isoDate(new Date()).slice(0, 4));
  const asked = Number((await searchParams).anno);
  const year = Number.isInteger(asked) && asked >= 2015 && asked <= current ? asked : current;
  const stored = await findReconciliation(db(), practitioner.id, year);
  const differences = stored?.details.differences ?? [];
  const fixable = differences.filter((d) => d.fix !== "open").length;
  return (
    <>
      <div className="page-head">
        <h1>Verifica su STS</h1>
        <Link href="/invii">← Invii STS</Link>
      </div>
      <p className="muted" style={{ maxWidth: "46rem" }}>
        Confronta le fatture e le note di credito pagate nell&apos;anno con quello che il Sistema Tessera Sanitaria
        contiene davvero: documenti mancanti, annullati, con importi diversi, e documenti inviati a mano dal portale o
        con un altro programma. Ogni differenza ha la sua correzione; quelli inviati altrove si segnano come già
        inviati, senza annullarli.
      </p>
      <nav className="reconcile-years" aria-label="Anno di pagamento">
        {[current, current - 1].map((y) => (
          <Link key={y} href={`/invii/verifica?anno=${y}`} aria-current={y === year ? "page" : undefined}>
            Spese pagate nel {y}
          </Link>
        ))}
      </nav>
      <div className="card">
        <VerifyButton year={year} again={stored !== null} />
        {stored ? (
          <p data-testid="reconcile-summary">
            Ultima verifica: {formatItalianDate(stored.checkedAt)}
            {stored.trigger === "automatic" ? " (notturna)" : ""} — {documents(stored.details.stsCount ?? 0)} sul
            Sistema TS, {documents(stored.details.parcellaCount ?? 0)} in Parcella.{" "}
            <strong>
              {differences.length === 0
                ? "Nessuna differenza."
                : differences.length === 1
                  ? "1 differenza."
                  : `${differences.length} differenze.`}
            </strong>
          </p>
        ) : (
          <p>Non hai ancora verificato le spese del {year}.</p>
        )}
        {stored?.details.suggestedMinimumDate ? (
          <p data-testid="suggested-minimum-date">
            Sul Sistema TS ci sono documenti inviati senza Parcella fino al{" "}
            {formatItalianDate(previousDay(stored.details.suggestedMinimumDate))}. Per non inviarli di nuovo, imposta la
            data minima dell&apos;invio automatico al{" "}
            <strong>{formatItalianDate(stored.details.suggestedMinimumDate)}</strong> in{" "}
            <Link href="/impostazioni/sts">Impostazioni → Sistema TS</Link>.
          </p>
        ) : null}
      </div>
      {differences.length > 0 ? (
        <section aria-label="Differenze con il Sistema TS">
          {fixable > 1 ? <FixAllButton year={year} count={fixable} /> : null}
          <ul className="reconcile-list">
            {differences.map((d) => (
              <li key={differenceKey(d)} className="card" data-testid="difference">
                <div>
                  <strong>{d.invoiceId ? <Link href={`/fatture/${d.invoiceId}`}>{d.label}</Link> : d.label}</strong> —{" "}
                  {DIFFERENCE_TEXT[d.kind]}
                </div>
                <div className="muted">
                  In Parcella: {amounts(d.parcellaTotals)} · Sul Sistema TS: {amounts(d.stsTotals)}
                  {d.kind === "unknown_to_parcella" && d.stsTotals.length > 0
                    ? ` (totale ${formatCents(grandTotal(d.stsTotals))})`
                    : ""}
                </div>
                {d.fix === "open" ? (
                  <Link className="btn" href={`/fatture/${d.invoiceId}`}>
                    {FIX_TEXT.open}
                  </Link>
                ) : (
                  <FixButton year={year} fixKey={differenceKey(d)} label={FIX_TEXT[d.fix]} />
                )}
                {d.kind === "unknown_to_parcella" && !d.invoiceId ? (
                  <CancelOnSts year={year} fixKey={differenceKey(d)} label={d.label} />
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function documents(count: number) {
  return count === 1 ? "1 documento" : `${count} documenti`;
}

function previousDay(date: string) {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}
