import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { InvoiceActions } from "@/components/invoices/invoice-actions";
import { InvoiceHistory } from "@/components/invoices/invoice-history";
import { StatusBadge } from "@/components/invoices/status-badge";
import { InvoiceEmailForm } from "@/components/mail/invoice-email-panel";
import { MessageList } from "@/components/mail/message-list";
import { InvoiceStsPanel } from "@/components/sts/invoice-sts-panel";
import { InvoiceCitizenReports } from "@/components/sts-citizen-reports/invoice-citizen-reports";
import styles from "@/components/invoices/invoices.module.css";
import { requireReaderPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { findInvoice } from "@/lib/data/invoices";
import { listInvoiceMessages } from "@/lib/data/mail";
import { formatItalianDate, isoDate } from "@/lib/domain/dates";
import { formatBasisPoints, formatCents } from "@/lib/domain/money";
import { isPaymentMethod, paymentMethodLabel } from "@/lib/domain/payment";
import { getInvoiceEvents } from "@/lib/services/invoices/get-invoice";
import { documentNumberLabel } from "@/lib/presentation/invoices/labels";
import { patientDisplayName } from "@/lib/presentation/patients/patient-display-name";

export const metadata: Metadata = { title: "Fattura" };

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  // Also the accountant's (read-only): no actions, no link to the patient's record (notes stay private).
  const { practitioner, accountant } = await requireReaderPage();
  const readOnly = accountant !== null;
  const { id } = await params;
  const invoice = await findInvoice(db(), practitioner.id, id);
  if (!invoice) notFound();
  const [events, messages] = await Promise.all([
    getInvoiceEvents({ db: db(), practitionerId: practitioner.id, invoiceId: id }),
    readOnly ? [] : listInvoiceMessages(db(), practitioner.id, id),
  ]);
  const title =
    invoice.kind === "credit_note"
      ? `Nota di credito ${documentNumberLabel(invoice)}`
      : invoice.status === "draft"
        ? "Bozza di fattura"
        : `Fattura n. ${documentNumberLabel(invoice)}`;
  return (
    <>
      <div className="page-head">
        <h1>{title}</h1>
        <StatusBadge {...invoice} />
      </div>
      {readOnly ? null : <InvoiceCitizenReports practitionerId={practitioner.id} invoiceId={invoice.id} />}
      <div className={styles.detailGrid}>
        <div className="card">
          <p>
            <strong>Paziente:</strong>{" "}
            {readOnly ? (
              patientDisplayName(invoice.patient)
            ) : (
              <Link href={`/pazienti/${invoice.patient.id}`}>{patientDisplayName(invoice.patient)}</Link>
            )}
            {invoice.patient.codiceFiscale ? ` · ${invoice.patient.codiceFiscale}` : ""}
          </p>
          <p>
            <strong>Data:</strong> {formatItalianDate(invoice.issueDate)}
            {invoice.creditedInvoice ? (
              <>
                {" "}
                · <strong>Storna:</strong>{" "}
                <Link href={`/fatture/${invoice.creditedInvoice.id}`}>
                  fattura n. {documentNumberLabel(invoice.creditedInvoice)}
                </Link>
              </>
            ) : null}
          </p>
          <p>
            <strong>Pagamento:</strong>{" "}
            {invoice.paymentDate && invoice.paymentMethod && isPaymentMethod(invoice.paymentMethod)
              ? `${formatItalianDate(invoice.paymentDate)} · ${paymentMethodLabel(invoice.paymentMethod)}`
              : "non ancora pagata"}
            {invoice.paidInAdvance ? " · pagamento anticipato" : ""}
          </p>
          {invoice.opposition ? (
            <p className="badge badge-warning">Il paziente si oppone all&apos;invio al Sistema TS</p>
          ) : null}
          {invoice.replacedBy ? (
            <p className="form-error" data-testid="replaced-by">
              Annullata e riemessa come{" "}
              <Link href={`/fatture/${invoice.replacedBy.id}`}>
                fattura n. {documentNumberLabel(invoice.replacedBy)}
              </Link>
              : numero o data erano da correggere.
            </p>
          ) : invoice.status === "void" ? (
            <p className="form-error">Annullata: {invoice.voidReason}</p>
          ) : null}
          {invoice.replaces ? (
            <p className={styles.linked} data-testid="replaces">
              Riemessa al posto della{" "}
              <Link href={`/fatture/${invoice.replaces.id}`}>fattura n. {documentNumberLabel(invoice.replaces)}</Link>{" "}
              del {formatItalianDate(invoice.replaces.issueDate)}, annullata.
            </p>
          ) : null}
          {/* Focusable: on a phone the lines scroll sideways inside this box, and a keyboard must reach them. */}
          <div className="table-wrap" role="region" aria-label="Righe della fattura" tabIndex={0}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Descrizione</th>
                  <th scope="col" className="num">
                    Q.tà
                  </th>
                  <th scope="col" className="num">
                    Prezzo
                  </th>
                  <th scope="col" className="num">
                    Importo
                  </th>
                  <th scope="col">Tipo STS</th>
                </tr>
              </thead>
              <tbody>
                {invoice.lines.map((l) => (
                  <tr key={l.id}>
                    <td style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>{l.description}</td>
                    <td className="num">{l.quantity}</td>
                    <td className="num">{formatCents(l.unitPriceCents)}</td>
                    <td className="num">{formatCents(l.amountCents)}</td>
                    <td>{l.expenseType}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <table className={styles.totals} aria-label="Totali">
            <tbody>
              <tr>
                <td>Onorari</td>
                <td>{formatCents(invoice.subtotalCents)}</td>
              </tr>
              {invoice.pensionFundCents > 0 ? (
                <tr>
                  <td>
                    Contributo {invoice.pensionFundLabel} {formatBasisPoints(invoice.pensionFundRateBp)}
                  </td>
                  <td>{formatCents(invoice.pensionFundCents)}</td>
                </tr>
              ) : null}
              {invoice.bolloCents > 0 ? (
                <tr>
                  <td>
                    Imposta di bollo{invoice.bolloChargedToPatient ? "" : " (a carico del professionista)"}
                    {invoice.bolloIdentifier ? ` · n. ${invoice.bolloIdentifier}` : ""}
                  </td>
                  <td>{formatCents(invoice.bolloCents)}</td>
                </tr>
              ) : null}
              <tr className={styles.grand}>
                <td>Totale</td>
                <td>{formatCents(invoice.totalCents)}</td>
              </tr>
            </tbody>
          </table>
          {invoice.creditNotes.length > 0 ? (
            <>
              <h2>Note di credito</h2>
              <ul>
                {invoice.creditNotes.map((n) => (
                  <li key={n.id}>
                    <Link href={`/fatture/${n.id}`}>{documentNumberLabel(n)}</Link> del {formatItalianDate(n.issueDate)}{" "}
                    · {formatCents(n.totalCents)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {/* The messages to the patient are the practitioner's correspondence, not the accountant's to read. */}
          {!readOnly && (invoice.status === "issued" || messages.length > 0) ? (
            <section aria-labelledby="invoice-mail" data-testid="invoice-mail">
              <h2 id="invoice-mail">E-mail al paziente</h2>
              {invoice.status === "issued" ? (
                <InvoiceEmailForm invoiceId={invoice.id} defaultTo={invoice.patient.email ?? ""} />
              ) : null}
              {messages.length > 0 ? <MessageList messages={messages} showSubject={false} /> : null}
            </section>
          ) : null}
          <InvoiceStsPanel
            practitionerId={practitioner.id}
            invoiceId={invoice.id}
            label={documentNumberLabel(invoice)}
            readOnly={readOnly}
          />
          <InvoiceHistory events={events} />
        </div>
        {readOnly ? (
          <div className="card">
            <a className="btn btn-secondary" href={`/fatture/${invoice.id}/pdf`}>
              Scarica PDF
            </a>
          </div>
        ) : (
          <InvoiceActions invoice={invoice} today={isoDate(new Date())} />
        )}
      </div>
    </>
  );
}
