import Link from "@/components/ui/link";
import { formatItalianDate } from "@/lib/domain/dates";
import { formatCents } from "@/lib/domain/money";
import { isStsExpenseType, stsExpenseTypeLabel } from "@/lib/domain/sts-expense-type";
import type { CitizenReportView } from "@/lib/presentation/sts-citizen-reports/report-view";
import { documentNumberLabel } from "@/lib/presentation/invoices/labels";
import { MarkHandledButton } from "./report-actions";

function expenseType(code: string | null) {
  if (!code) return "—";
  return isStsExpenseType(code) ? `${code} (${stsExpenseTypeLabel(code)})` : code;
}

/**
 * One citizen's report: what the patient reported (text, amount, expense type, day) and what the practitioner can
 * do about it — correct the invoice (its edit sends a variazione to STS) or nothing when the data are right — then
 * mark it handled. `withInvoice` names the invoice (in the list; on the invoice page it is the page itself).
 */
export function CitizenReportCard({ report, withInvoice }: { report: CitizenReportView; withInvoice: boolean }) {
  const invoice = report.invoice;
  const correctable = invoice !== null && invoice.status === "issued" && invoice.kind === "invoice";
  return (
    <li className="card" data-testid="citizen-report">
      <div>
        <strong>Segnalazione {report.reportedOn ? `del ${formatItalianDate(report.reportedOn)}` : "senza data"}</strong>
        {withInvoice ? (
          <>
            {" "}
            ·{" "}
            {invoice ? (
              <Link href={`/fatture/${invoice.id}`}>fattura n. {documentNumberLabel(invoice)}</Link>
            ) : (
              `documento ${report.numDocumento} (non inviato da Parcella)`
            )}
          </>
        ) : null}
        {report.handledAt ? <span className="muted"> · gestita il {formatItalianDate(report.handledAt)}</span> : null}
      </div>
      {report.texts.length > 0 ? (
        <div>
          Il paziente ha scritto:{" "}
          {report.texts.map((text, i) => (
            <q key={i} data-testid="citizen-report-text">
              {text}
            </q>
          ))}
        </div>
      ) : null}
      {report.reportedItems.length > 0 ? (
        <ul className="citizen-report-items">
          {report.reportedItems.map((item, i) => (
            <li key={i}>
              Spesa {expenseType(item.tipoSpesa)}
              {item.amountCents !== null ? ` di ${formatCents(item.amountCents)}` : ""} sul Sistema TS
              {item.reportedAmount ? (
                <>
                  {" "}
                  · importo segnalato: <q>{item.reportedAmount}</q>
                </>
              ) : null}
              {item.reportedTipoSpesa ? <> · tipo di spesa segnalato: {expenseType(item.reportedTipoSpesa)}</> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {report.handledAt ? null : (
        <>
          <p className="muted">
            {correctable
              ? "Se i dati della fattura sono sbagliati, correggila: Parcella invierà la variazione al Sistema TS. Se sono giusti non devi fare nulla."
              : "Controlla il documento: se i dati sono giusti non devi fare nulla."}{" "}
            In entrambi i casi, poi segna la segnalazione come gestita.
          </p>
          <div className="reconcile-fix">
            {correctable ? (
              <Link className="btn" href={`/fatture/${invoice.id}/modifica`}>
                Correggi la fattura
              </Link>
            ) : null}
            <MarkHandledButton reportId={report.id} />
          </div>
        </>
      )}
    </li>
  );
}
