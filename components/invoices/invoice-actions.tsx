"use client";

import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  cloneInvoiceAction,
  deleteDraftAction,
  issueInvoiceAction,
  recordPaymentAction,
  voidInvoiceAction,
} from "@/app/(app)/fatture/actions";
import type { ActionResult } from "@/lib/app-error";
import { PAYMENT_METHODS, paymentMethodLabel } from "@/lib/domain/payment";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import type { FieldErrors } from "@/components/ui/field-errors";
import { FormError, FormNotice } from "@/components/ui/form-message";
import styles from "./invoices.module.css";

type Props = {
  invoice: {
    id: string;
    kind: string;
    status: string;
    issueDate: string;
    paymentDate: string | null;
    paymentMethod: string | null;
    paidInAdvance: boolean;
  };
  today: string;
};

export function InvoiceActions({ invoice, today }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const [panel, setPanel] = useState<"none" | "payment" | "void">("none");
  const [paymentDate, setPaymentDate] = useState(invoice.paymentDate ?? today);
  const [paidInAdvance, setPaidInAdvance] = useState(invoice.paidInAdvance);

  async function run<T>(work: () => Promise<ActionResult<T>>, done: (data: T) => void) {
    setPending(true);
    setMessage(null);
    setNotice(null);
    const result = await work();
    setPending(false);
    if (!result.ok) {
      setMessage(result.message);
      setErrors(result.fieldErrors ?? {});
      return;
    }
    setErrors({});
    done(result.data);
    router.refresh();
  }

  const isDraft = invoice.status === "draft";
  const isIssuedInvoice = invoice.status === "issued" && invoice.kind === "invoice";
  return (
    <div className={`card ${styles.actionsPanel}`}>
      <h2 style={{ margin: 0 }}>Azioni</h2>
      <FormError message={message} />
      <FormNotice message={notice} />
      {isDraft ? (
        <button
          type="button"
          className="btn btn-primary"
          disabled={pending}
          onClick={() =>
            run(
              () => issueInvoiceAction(invoice.id),
              () => setNotice("Fattura emessa."),
            )
          }
        >
          Emetti fattura
        </button>
      ) : null}
      <a className="btn btn-secondary" href={`/fatture/${invoice.id}/pdf`}>
        Scarica PDF
      </a>
      {isDraft || isIssuedInvoice ? (
        <Link className="btn btn-secondary" href={`/fatture/${invoice.id}/modifica`}>
          Modifica
        </Link>
      ) : null}
      {isIssuedInvoice ? (
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => setPanel(panel === "payment" ? "none" : "payment")}
        >
          {invoice.paymentDate ? "Correggi pagamento" : "Registra pagamento"}
        </button>
      ) : null}
      {panel === "payment" ? (
        <form
          className={styles.inlineForm}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            const input = {
              paymentDate,
              paymentMethod: String(form.get("paymentMethod") ?? ""),
              paidInAdvance,
            };
            void run(
              () => recordPaymentAction(invoice.id, input),
              () => {
                setPanel("none");
                setNotice("Pagamento registrato.");
              },
            );
          }}
        >
          <Field id="pay-date" label="Data del pagamento" errors={errors.paymentDate}>
            {(p) => (
              <input
                {...p}
                name="paymentDate"
                type="date"
                max={today}
                value={paymentDate}
                onChange={(e) => setPaymentDate(e.target.value)}
              />
            )}
          </Field>
          {paymentDate && paymentDate < invoice.issueDate ? (
            <CheckboxField
              id="pay-in-advance"
              label="Pagamento anticipato: ricevuto prima della data della fattura"
              checked={paidInAdvance}
              onChange={setPaidInAdvance}
            />
          ) : null}
          <Field id="pay-method" label="Metodo" errors={errors.paymentMethod}>
            {(p) => (
              <select {...p} name="paymentMethod" defaultValue={invoice.paymentMethod ?? "carta"}>
                {PAYMENT_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {paymentMethodLabel(m)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" className="btn btn-primary" disabled={pending}>
            Salva pagamento
          </button>
        </form>
      ) : null}
      {invoice.kind === "invoice" && invoice.status !== "draft" ? (
        <button
          type="button"
          className="btn btn-secondary"
          disabled={pending}
          onClick={() =>
            run(
              () => cloneInvoiceAction(invoice.id),
              (d) => router.push(`/fatture/${d.id}/modifica`),
            )
          }
        >
          Duplica come bozza
        </button>
      ) : null}
      {isIssuedInvoice ? (
        <Link className="btn btn-secondary" href={`/fatture/${invoice.id}/nota-di-credito`}>
          Emetti nota di credito
        </Link>
      ) : null}
      {invoice.status === "issued" ? (
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => setPanel(panel === "void" ? "none" : "void")}
        >
          Annulla documento
        </button>
      ) : null}
      {panel === "void" ? (
        <form
          className={styles.inlineForm}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const reason = String(new FormData(e.currentTarget).get("reason") ?? "");
            void run(
              () => voidInvoiceAction(invoice.id, { reason }),
              () => {
                setPanel("none");
                setNotice("Documento annullato.");
              },
            );
          }}
        >
          <Field
            id="void-reason"
            label="Motivo dell'annullamento"
            errors={errors.reason}
            hint="Il numero resta occupato; se il documento era stato inviato al Sistema TS, verrà inviata la cancellazione."
          >
            {(p) => <input {...p} name="reason" />}
          </Field>
          <button type="submit" className="btn btn-danger" disabled={pending}>
            Conferma annullamento
          </button>
        </form>
      ) : null}
      {isDraft ? (
        <button
          type="button"
          className="btn btn-secondary"
          disabled={pending}
          onClick={() => {
            if (window.confirm("Eliminare la bozza?"))
              void run(
                () => deleteDraftAction(invoice.id),
                () => router.push("/fatture"),
              );
          }}
        >
          Elimina bozza
        </button>
      ) : null}
    </div>
  );
}
