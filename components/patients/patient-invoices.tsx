import Link from "@/components/ui/link";
import { StatusBadge } from "@/components/invoices/status-badge";
import { StsDot } from "@/components/sts/sts-dot";
import { formatItalianDate } from "@/lib/domain/dates";
import { formatCents } from "@/lib/domain/money";
import { documentNumberLabel } from "@/lib/presentation/invoices/labels";
import type { PatientInvoiceRow } from "@/lib/services/patients/patient-invoices";

export type ExpenseYearSummary = { year: number; totalCents: number; documentCount: number };

const headStyle = { marginBottom: "0.75rem" } as const;

/** The patient card's invoices (newest first) and, for a person, the paid health expenses per year. */
export function PatientInvoices(props: {
  patientId: string;
  rows: PatientInvoiceRow[];
  expenseYears: ExpenseYearSummary[] | null;
}) {
  const { patientId, rows, expenseYears } = props;
  return (
    <>
      <div className="page-head" style={headStyle}>
        <h2 id="patient-invoices" style={{ margin: 0 }}>
          Fatture
        </h2>
        <Link className="btn btn-primary" href={`/fatture/nuova?paziente=${encodeURIComponent(patientId)}`}>
          Nuova fattura
        </Link>
      </div>
      {rows.length === 0 ? (
        <div className="card empty">
          <p>Nessuna fattura per questo paziente.</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Numero</th>
                <th scope="col">Data</th>
                <th scope="col" className="num">
                  Totale
                </th>
                <th scope="col">Stato</th>
                <th scope="col">STS</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-testid="patient-invoice-row">
                  <td>
                    <Link href={`/fatture/${row.id}`}>{documentNumberLabel(row)}</Link>
                  </td>
                  <td>{formatItalianDate(row.issueDate)}</td>
                  <td className="num">
                    {row.kind === "credit_note" ? `− ${formatCents(row.totalCents)}` : formatCents(row.totalCents)}
                  </td>
                  <td>
                    <StatusBadge {...row} />
                  </td>
                  <td>
                    <StsDot state={row.stsState} reason={row.stsReason} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {expenseYears ? <ExpenseYears patientId={patientId} years={expenseYears} /> : null}
    </>
  );
}

function ExpenseYears({ patientId, years }: { patientId: string; years: ExpenseYearSummary[] }) {
  return (
    <section aria-labelledby="patient-expenses">
      <h3 id="patient-expenses">Riepilogo spese sanitarie per anno</h3>
      <p style={{ color: "var(--muted)", marginTop: 0 }}>
        Fatture pagate nell&apos;anno, meno le note di credito: l&apos;anno è quello del pagamento, come per la
        dichiarazione dei redditi.
      </p>
      {years.length === 0 ? (
        <div className="card empty">
          <p>Nessuna spesa pagata da riepilogare.</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Anno di pagamento</th>
                <th scope="col" className="num">
                  Documenti
                </th>
                <th scope="col" className="num">
                  Totale spese
                </th>
                <th scope="col">
                  <span className="visually-hidden">Dichiarazione</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {years.map((y) => (
                <tr key={y.year} data-testid="patient-expense-year">
                  <td>{y.year}</td>
                  <td className="num">{y.documentCount}</td>
                  <td className="num">{formatCents(y.totalCents)}</td>
                  <td>
                    <a className="btn-link" href={`/pazienti/${encodeURIComponent(patientId)}/riepilogo/${y.year}`}>
                      Dichiarazione {y.year} (PDF)
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
