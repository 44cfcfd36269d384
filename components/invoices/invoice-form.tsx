"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { reissueInvoiceAction, saveInvoiceAction } from "@/app/(app)/fatture/actions";
import { isoDate } from "@/lib/domain/dates";
import { documentDateErrors, isAdvancePayment } from "@/lib/domain/invoice-dates";
import type { BolloPolicy } from "@/lib/domain/invoice-totals";
import { PAYMENT_METHODS, paymentMethodLabel } from "@/lib/domain/payment";
import { InvoiceFormSchema } from "@/lib/schemas/invoice";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { clientFieldErrors, type FieldErrors } from "@/components/ui/field-errors";
import { FormError } from "@/components/ui/form-message";
import { InvoiceLinesEditor, type LineValues } from "./invoice-lines-editor";
import { InvoiceTotalsPreview } from "./invoice-totals-preview";
import { PatientPicker, type PickedPatient } from "./patient-picker";
import { InvoiceFormButtons } from "./invoice-form-buttons";
import { ReissueConfirmation } from "./reissue-confirmation";
import styles from "./invoices.module.css";

export type InvoiceFormValues = {
  patient: PickedPatient | null;
  issueDate: string;
  lines: LineValues[];
  paymentDate: string;
  paymentMethod: string;
  paidInAdvance: boolean;
  opposition: boolean;
  bolloIdentifier: string;
  notes: string;
};

type Props = {
  invoiceId?: string;
  mode: "new" | "draft" | "issued";
  initial: InvoiceFormValues;
  pricing: { rateBp: number; bolloPolicy: BolloPolicy; pensionFundLabel: string };
  /** The profile's profession, for the order of the expense types. */
  profession?: string;
  /** An issued invoice STS holds: its date is locked, "Annulla e riemetti" corrects it (null reason = allowed). */
  lock?: { numberLabel: string; reissueBlocked: string | null };
};

function payload(v: InvoiceFormValues) {
  return {
    patientId: v.patient?.id ?? "",
    issueDate: v.issueDate,
    lines: v.lines.map(({ key: _key, ...line }) => line),
    paymentDate: v.paymentDate || undefined,
    paymentMethod: v.paymentMethod || undefined,
    paidInAdvance: v.paidInAdvance,
    opposition: v.opposition,
    bolloIdentifier: v.bolloIdentifier || undefined,
    notes: v.notes || undefined,
  };
}

// The checks the server makes again: the form's schema, and the date rules against today in Italy.
function checkLocally(data: ReturnType<typeof payload>): FieldErrors | null {
  const errors: FieldErrors = clientFieldErrors(InvoiceFormSchema, data) ?? {};
  const dates = documentDateErrors(
    { issueDate: data.issueDate, paymentDate: data.paymentDate ?? null, paidInAdvance: data.paidInAdvance },
    isoDate(new Date()),
  );
  for (const [field, messages] of Object.entries(dates)) errors[field] ??= messages;
  return Object.keys(errors).length > 0 ? errors : null;
}

export function InvoiceForm({ invoiceId, mode, initial, pricing, lock, profession = "" }: Props) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [reissuing, setReissuing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const set = (patch: Partial<InvoiceFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const dateLocked = Boolean(lock) && !reissuing;
  const advance = isAdvancePayment({ issueDate: values.issueDate, paymentDate: values.paymentDate || null });

  function validate() {
    const local = checkLocally(payload(values));
    setErrors(local ?? {});
    setMessage(local ? "Controlla i campi evidenziati." : null);
    return !local;
  }

  async function submit(intent: "draft" | "issue" | "update" | "reissue") {
    if (!validate()) return setConfirming(false);
    const data = payload(values);
    setPending(true);
    const result =
      intent === "reissue"
        ? await reissueInvoiceAction(invoiceId ?? "", data)
        : await saveInvoiceAction(data, { invoiceId, intent });
    setPending(false);
    setConfirming(false);
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      setMessage(result.message);
      return;
    }
    router.push(`/fatture/${result.data.id}`);
    router.refresh();
  }

  return (
    <form
      className={`form ${styles.invoiceForm}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (reissuing) {
          if (validate()) setConfirming(true);
          return;
        }
        void submit(mode === "issued" ? "update" : "issue");
      }}
    >
      {reissuing ? (
        <p className={styles.lockNotice} role="status">
          <strong>Annulla e riemetti.</strong> Correggi la data e gli altri dati: la fattura n. {lock?.numberLabel} sarà
          annullata e ne sarà emessa una nuova, con un nuovo numero.
        </p>
      ) : null}
      <FormError message={message} />
      <PatientPicker
        value={values.patient}
        errors={errors.patientId}
        onChange={(patient) => set({ patient, opposition: patient ? patient.opposesSts : values.opposition })}
      />
      <div className={styles.grid}>
        <Field
          id="issueDate"
          label="Data fattura"
          errors={errors.issueDate}
          hint={
            dateLocked
              ? "Bloccata: il Sistema TS ha già questa fattura. Per cambiarla usa «Annulla e riemetti»."
              : undefined
          }
        >
          {(p) => (
            <input
              {...p}
              type="date"
              value={values.issueDate}
              readOnly={dateLocked}
              aria-readonly={dateLocked}
              onChange={(e) => set({ issueDate: e.target.value })}
            />
          )}
        </Field>
        <Field id="paymentDate" label="Data pagamento" errors={errors.paymentDate} hint="Vuota se non ancora pagata.">
          {(p) => (
            <input
              {...p}
              type="date"
              value={values.paymentDate}
              onChange={(e) => set({ paymentDate: e.target.value })}
            />
          )}
        </Field>
        <Field id="paymentMethod" label="Metodo di pagamento" errors={errors.paymentMethod}>
          {(p) => (
            <select {...p} value={values.paymentMethod} onChange={(e) => set({ paymentMethod: e.target.value })}>
              <option value="">—</option>
              {PAYMENT_METHODS.map((m) => (
                <option key={m} value={m}>
                  {paymentMethodLabel(m)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {advance ? (
        <CheckboxField
          id="paidInAdvance"
          label="Pagamento anticipato: ricevuto prima della data della fattura"
          checked={values.paidInAdvance}
          onChange={(paidInAdvance) => set({ paidInAdvance })}
          hint="Il Sistema TS lo riceve come pagamento anticipato."
        />
      ) : null}
      <InvoiceLinesEditor
        lines={values.lines}
        onChange={(lines) => set({ lines })}
        errors={errors}
        pensionFundLabel={pricing.pensionFundLabel}
        profession={profession}
      />
      <InvoiceTotalsPreview
        lines={values.lines}
        rateBp={pricing.rateBp}
        bolloPolicy={pricing.bolloPolicy}
        pensionFundLabel={pricing.pensionFundLabel}
      />
      <div className={styles.grid}>
        <Field
          id="bolloIdentifier"
          label="Identificativo marca da bollo"
          errors={errors.bolloIdentifier}
          hint="Facoltativo: il numero della marca da bollo, se applicata."
        >
          {(p) => (
            <input {...p} value={values.bolloIdentifier} onChange={(e) => set({ bolloIdentifier: e.target.value })} />
          )}
        </Field>
        <Field id="notes" label="Note (stampate in fattura)" errors={errors.notes}>
          {(p) => <textarea {...p} rows={2} value={values.notes} onChange={(e) => set({ notes: e.target.value })} />}
        </Field>
      </div>
      <label>
        <input type="checkbox" checked={values.opposition} onChange={(e) => set({ opposition: e.target.checked })} /> Il
        paziente si oppone all&apos;invio al Sistema TS per questa fattura
      </label>
      {confirming && lock ? (
        <ReissueConfirmation
          numberLabel={lock.numberLabel}
          newYear={values.issueDate.slice(0, 4)}
          pending={pending}
          onConfirm={() => void submit("reissue")}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
      {confirming ? null : (
        <InvoiceFormButtons
          mode={mode}
          reissuing={reissuing}
          lock={lock}
          pending={pending}
          onDraft={() => void submit("draft")}
          onReissue={(on) => {
            setReissuing(on);
            if (!on) set({ issueDate: initial.issueDate });
            setErrors({});
            setMessage(null);
          }}
        />
      )}
    </form>
  );
}
