import Link from "@/components/ui/link";
import { formatCents } from "@/lib/domain/money";
import type { DashboardFigures } from "@/lib/services/invoices/dashboard";
import styles from "./invoices.module.css";

const MONTHS = ["Gen", "Feb", "Mar", "Apr", "Mag", "Giu", "Lug", "Ago", "Set", "Ott", "Nov", "Dic"];

export function Dashboard({ figures }: { figures: DashboardFigures }) {
  const max = Math.max(1, ...figures.months.map((m) => m.invoicedCents));
  return (
    <>
      <div className={styles.kpis}>
        <div className={`card ${styles.kpi}`}>
          <span>Fatturato {figures.year}</span>
          <span className={styles.kpiValue} data-testid="kpi-invoiced">
            {formatCents(figures.invoicedCents)}
          </span>
        </div>
        <div className={`card ${styles.kpi}`}>
          <span>Incassato {figures.year}</span>
          <span className={styles.kpiValue} data-testid="kpi-collected">
            {formatCents(figures.collectedCents)}
          </span>
        </div>
        <div className={`card ${styles.kpi}`}>
          <span>Da incassare</span>
          <span className={styles.kpiValue} data-testid="kpi-unpaid">
            {formatCents(figures.unpaidCents)}
          </span>
          <Link href="/fatture?paid=unpaid">
            {figures.unpaidCount === 1 ? "1 fattura da pagare" : `${figures.unpaidCount} fatture da pagare`}
          </Link>
        </div>
      </div>
      <div className="card">
        <h2 style={{ marginTop: 0 }}>Fatturato per mese ({figures.year})</h2>
        <div className={styles.chart} role="img" aria-label={`Fatturato per mese nel ${figures.year}`}>
          {figures.months.map((m) => (
            <div
              className={styles.chartCol}
              key={m.month}
              title={`${MONTHS[m.month - 1]}: ${formatCents(m.invoicedCents)}`}
            >
              <div className={styles.chartBar} style={{ height: `${Math.max(0, (m.invoicedCents / max) * 100)}%` }} />
              <span className={styles.chartLabel}>{MONTHS[m.month - 1]}</span>
            </div>
          ))}
        </div>
      </div>
    </>
  );
}
