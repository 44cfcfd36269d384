import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { FiguresSettingsForm } from "@/components/figures/figures-settings-form";
import { MonthlyChart } from "@/components/figures/monthly-chart";
import { requireReaderPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isoDate, MAX_DOCUMENT_YEAR, MIN_DOCUMENT_YEAR } from "@/lib/domain/dates";
import { formatCents } from "@/lib/domain/money";
import {
  figuresSummaryRows,
  limitBasisLabel,
  limitWarning,
  MONTH_NAMES,
} from "@/lib/presentation/figures/figures-summary";
import { getYearFigures } from "@/lib/services/figures/year-figures";

export const metadata: Metadata = { title: "Cifre dell'anno" };

const percent = (share: number) => `${Math.round(share * 1000) / 10}`.replace(".", ",") + "%";

export default async function CifrePage({ searchParams }: { searchParams: Promise<{ anno?: string }> }) {
  // Also the accountant's (read-only): the settings of what counts are the practitioner's alone.
  const { practitioner, accountant } = await requireReaderPage();
  const current = Number(isoDate(new Date()).slice(0, 4));
  const asked = Number((await searchParams).anno);
  const year = Number.isInteger(asked) && asked >= MIN_DOCUMENT_YEAR && asked <= MAX_DOCUMENT_YEAR ? asked : current;
  const { figures } = await getYearFigures({ db: db(), practitionerId: practitioner.id, year });
  const warning = limitWarning(figures);
  const years = [current, current - 1, current - 2].filter((y) => y !== year);
  const limits = [figures.limits.lower, figures.limits.upper];
  return (
    <>
      <div className="page-head">
        <h1>Cifre del {year}</h1>
        <div style={{ display: "flex", gap: "0.5rem", flexWrap: "wrap" }}>
          <a className="btn btn-primary" href={`/cifre/esporta?anno=${year}&formato=pdf`}>
            Scarica PDF
          </a>
          <a className="btn btn-secondary" href={`/cifre/esporta?anno=${year}&formato=csv`}>
            Scarica CSV
          </a>
        </div>
      </div>
      <p>
        Per cassa: contano i pagamenti ricevuti nell&apos;anno, qualunque sia la data della fattura; le note di credito
        alla loro data. Altri anni:{" "}
        {years.map((y, i) => (
          <span key={y}>
            {i > 0 ? " · " : ""}
            <Link href={`/cifre?anno=${y}`}>{y}</Link>
          </span>
        ))}
      </p>
      {warning ? (
        <p className="form-error" role="status" data-testid="limit-warning">
          {warning}
        </p>
      ) : null}
      <div className="stack">
        <section className="card" aria-labelledby="figures-limits">
          <h2 id="figures-limits">Limiti del forfettario</h2>
          <p>
            Conta per i limiti: <strong>{limitBasisLabel(figures.limits.basis)}</strong>, cioè{" "}
            {formatCents(figures.limits.countedCents)}.
          </p>
          {limits.map((l) => (
            <div key={l.limitCents} className="field">
              <label htmlFor={`limit-${l.limitCents}`}>
                {percent(l.share)} di {formatCents(l.limitCents)}
              </label>
              <progress id={`limit-${l.limitCents}`} max={1} value={Math.min(1, l.share)} />
            </div>
          ))}
          {accountant ? null : (
            <details>
              <summary>Cosa conta e quali limiti</summary>
              <FiguresSettingsForm
                initial={{
                  countPension: figures.limits.basis.pension,
                  countBolli: figures.limits.basis.bolli,
                  lowerLimit: formatCents(figures.limits.lower.limitCents, { symbol: false }),
                  upperLimit: formatCents(figures.limits.upper.limitCents, { symbol: false }),
                }}
              />
            </details>
          )}
        </section>
        <section className="card" aria-labelledby="figures-summary">
          <h2 id="figures-summary">Riepilogo</h2>
          <table className="table" data-testid="figures-summary">
            <tbody>
              {figuresSummaryRows(figures).map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  <td className="num">{r.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>Identificativi dei bolli: {figures.bolli.identifiers.join(", ") || "nessuno"}</p>
        </section>
        <section className="card" aria-labelledby="figures-months">
          <h2 id="figures-months">Compensi netti per mese</h2>
          <MonthlyChart year={year} months={figures.months} />
          <details>
            <summary>Tabella dei mesi</summary>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Mese</th>
                  <th scope="col" className="num">
                    Compensi netti
                  </th>
                  <th scope="col" className="num">
                    Incassato netto
                  </th>
                </tr>
              </thead>
              <tbody>
                {figures.months.map((m) => (
                  <tr key={m.month}>
                    <td>{MONTH_NAMES[m.month - 1]}</td>
                    <td className="num">{formatCents(m.feesCents)}</td>
                    <td className="num">{formatCents(m.totalCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </section>
      </div>
    </>
  );
}
