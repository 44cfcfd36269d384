"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveInvoiceAction } from "@/app/(app)/fatture/actions";
import type { BolloPolicy } from "@/lib/domain/invoice-totals";
import { PAYMENT_METHODS, paymentMethodLabel } from "@/lib/domain/payment";
import { InvoiceFormSchema } from "@/lib/schemas/invoice";
import { Field } from "@/components/ui/field";
import { clientFieldErrors, type FieldErrors } from "@/components/ui/field-errors";
import { FormError } from "@/components/ui/form-message";
import { InvoiceLinesEditor, type LineValues } from "./invoice-lines-editor";
import { InvoiceTotalsPreview } from "./invoice-totals-preview";
import { PatientPicker, type PickedPatient } from "./patient-picker";
import styles from "./invoices.module.css";

export type InvoiceFormValues = {
  patient: PickedPatient | null;
  issueDate: string;
  lines: LineValues[];
  paymentDate: string;
  paymentMethod: string;
  opposition: boolean;
  bolloIdentifier: string;
  notes: string;
};

type Props = {
  invoiceId?: string;
  mode: "new" | "draft" | "issued";
  initial: InvoiceFormValues;
  pricing: { rateBp: number; bolloPolicy: BolloPolicy; pensionFundLabel: string };
};

function payload(v: InvoiceFormValues) {
  return {
    patientId: v.patient?.id ?? "",
    issueDate: v.issueDate,
    lines: v.lines.map(({ key: _key, ...line }) => line),
    paymentDate: v.paymentDate || undefined,
    paymentMethod: v.paymentMethod || undefined,
    opposition: v.opposition,
    bolloIdentifier: v.bolloIdentifier || undefined,
    notes: v.notes || undefined,
  };
}

export function InvoiceForm({ invoiceId, mode, initial, pricing }: Props) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const set = (patch: Partial<InvoiceFormValues>) => setValues((v) => ({ ...v, ...patch }));

  async function submit(intent: "draft" | "issue" | "update") {
    const data = payload(values);
    const local = clientFieldErrors(InvoiceFormSchema, data);
    setErrors(local ?? {});
    setMessage(local ? "Controlla i campi evidenziati." : null);
    if (local) return;
    setPending(true);
    const result = await saveInvoiceAction(data, { invoiceId, intent });
    setPending(false);
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
        void submit(mode === "issued" ? "update" : "issue");
      }}
    >
      <FormError message={message} />
      <PatientPicker
        value={values.patient}
        errors={errors.patientId}
        onChange={(patient) => set({ patient, opposition: patient ? patient.opposesSts : values.opposition })}
      />
      <div className={styles.grid}>
        <Field id="issueDate" label="Data fattura" errors={errors.issueDate}>
          {(p) => (
            <input {...p} type="date" value={values.issueDate} onChange={(e) => set({ issueDate: e.target.value })} />
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
      <InvoiceLinesEditor
        lines={values.lines}
        onChange={(lines) => set({ lines })}
        errors={errors}
        pensionFundLabel={pricing.pensionFundLabel}
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
      <div className={styles.buttons}>
        {mode === "issued" ? (
          <button type="submit" className="btn btn-primary" disabled={pending}>
            Salva modifiche
          </button>
        ) : (
          <>
            <button type="submit" className="btn btn-primary" disabled={pending}>
              Emetti fattura
            </button>
            <button type="button" className="btn btn-secondary" disabled={pending} onClick={() => void submit("draft")}>
              Salva bozza
            </button>
          </>
        )}
      </div>
    </form>
  );
}
