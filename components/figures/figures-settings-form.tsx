"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveFiguresSettingsAction } from "@/app/(app)/cifre/actions";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import type { FieldErrors } from "@/components/ui/field-errors";
import { FormError, FormNotice } from "@/components/ui/form-message";

type Initial = { countPension: boolean; countBolli: boolean; lowerLimit: string; upperLimit: string };

export function FiguresSettingsForm({ initial }: { initial: Initial }) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setMessage(null);
        setNotice(null);
        const result = await saveFiguresSettingsAction(values);
        if (!result.ok) {
          setMessage(result.message);
          setErrors(result.fieldErrors ?? {});
          return;
        }
        setErrors({});
        setNotice("Impostazioni salvate.");
        router.refresh();
      }}
    >
      <p>I compensi contano sempre. Aggiungi, se il commercialista lo indica:</p>
      <CheckboxField
        id="count-pension"
        label="il contributo integrativo ENPAP"
        checked={values.countPension}
        onChange={(v) => setValues({ ...values, countPension: v })}
      />
      <CheckboxField
        id="count-bolli"
        label="i bolli addebitati ai pazienti"
        checked={values.countBolli}
        onChange={(v) => setValues({ ...values, countBolli: v })}
      />
      <Field id="limit-lower" label="Limite (uscita dal forfettario l'anno dopo)" errors={errors.lowerLimit}>
        {(p) => (
          <input
            {...p}
            value={values.lowerLimit}
            onChange={(e) => setValues({ ...values, lowerLimit: e.target.value })}
          />
        )}
      </Field>
      <Field id="limit-upper" label="Limite (uscita immediata)" errors={errors.upperLimit}>
        {(p) => (
          <input
            {...p}
            value={values.upperLimit}
            onChange={(e) => setValues({ ...values, upperLimit: e.target.value })}
          />
        )}
      </Field>
      <FormError message={message} />
      <FormNotice message={notice} />
      <button type="submit" className="btn btn-secondary">
        Salva
      </button>
    </form>
  );
}
