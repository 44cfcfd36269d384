"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { saveProfileAction } from "@/app/(app)/impostazioni/profilo/actions";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { Field } from "@/components/ui/field";
import { clientFieldErrors, type FieldErrors } from "@/components/ui/field-errors";
import { FormError, FormNotice } from "@/components/ui/form-message";
import { ExpenseTypeOptions } from "@/components/invoices/expense-type-options";
import { makeProfileSchema, type ProfileFormValues } from "@/lib/schemas/profile";
import styles from "./profile.module.css";

const TAX_REGIME_CHOICES = [
  {
    value: "ordinario",
    label: "Ordinario",
    description: "Prestazioni sanitarie esenti IVA (art. 10 n. 18 DPR 633/72).",
  },
  { value: "forfettario", label: "Forfettario", description: "Operazioni senza IVA e senza ritenuta (L. 190/2014)." },
];

const BOLLO_CHOICES = [
  { value: "patient", label: "A carico del paziente", description: "I 2,00 € si aggiungono al totale della fattura." },
  { value: "practitioner", label: "A carico del professionista", description: "Il totale resta invariato." },
];

export function ProfileForm({
  initial,
  allowKitTestPartitaIva,
}: {
  initial: ProfileFormValues;
  allowKitTestPartitaIva: boolean;
}) {
  const router = useRouter();
  const [taxRegime, setTaxRegime] = useState(initial.taxRegime);
  const [bolloPolicy, setBolloPolicy] = useState(initial.bolloPolicy);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const schema = useMemo(
    () => makeProfileSchema({ today: new Date(), allowKitTestPartitaIva }),
    [allowKitTestPartitaIva],
  );

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = Object.fromEntries(
      Object.keys(initial).map((key) => [key, String(form.get(key) ?? "")]),
    ) as ProfileFormValues;
    values.taxRegime = taxRegime;
    values.bolloPolicy = bolloPolicy;
    setNotice(null);
    const local = clientFieldErrors(schema, values);
    setErrors(local ?? {});
    setMessage(local ? "Controlla i campi evidenziati." : null);
    if (local) return;
    setPending(true);
    const result = await saveProfileAction(values);
    setPending(false);
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      setMessage(result.message);
      return;
    }
    setNotice("Profilo salvato.");
    router.refresh();
  }

  const text = (
    id: keyof ProfileFormValues,
    label: string,
    extra: React.InputHTMLAttributes<HTMLInputElement> = {},
    hint?: string,
  ) => (
    <Field id={id} label={label} errors={errors[id]} hint={hint}>
      {(p) => <input {...p} name={id} defaultValue={initial[id]} {...extra} />}
    </Field>
  );

  return (
    <form className={`form ${styles.form}`} onSubmit={onSubmit} noValidate>
      <FormError message={message} />
      <fieldset className={styles.section}>
        <legend>Dati del professionista</legend>
        {text(
          "displayName",
          "Nome in fattura",
          { autoComplete: "name", required: true },
          "Come deve comparire in fattura, es. Dott.ssa Anna Verdi.",
        )}
        {text(
          "profession",
          "Professione",
          { required: true },
          "Come deve comparire in fattura, es. Psicologa o Psicologo - Psicoterapeuta.",
        )}
        {text(
          "alboRegistration",
          "Iscrizione all'albo (facoltativa)",
          {},
          "Es. Albo degli Psicologi della Lombardia n. 12345: compare in fattura sotto la professione.",
        )}
        <div className={styles.row}>
          {text("codiceFiscale", "Codice fiscale", {
            autoCapitalize: "characters",
            spellCheck: false,
            maxLength: 20,
            required: true,
          })}
          {text("partitaIva", "Partita IVA", { inputMode: "numeric", maxLength: 16, required: true })}
        </div>
      </fieldset>

      <fieldset className={styles.section}>
        <legend>Studio</legend>
        {text("address", "Indirizzo", { autoComplete: "street-address", required: true })}
        <div className={styles.address}>
          {text("postalCode", "CAP", {
            inputMode: "numeric",
            maxLength: 5,
            autoComplete: "postal-code",
            required: true,
          })}
          {text("city", "Comune", { autoComplete: "address-level2", required: true })}
          {text("province", "Provincia", { maxLength: 2, autoCapitalize: "characters", required: true }, "Es. MI")}
        </div>
        <div className={styles.row}>
          {text("phone", "Telefono (facoltativo)", { type: "tel", autoComplete: "tel" })}
          {text("email", "Email in fattura (facoltativa)", { type: "email", autoComplete: "email" })}
        </div>
      </fieldset>

      <fieldset className={styles.section}>
        <legend>Fisco e previdenza</legend>
        <ChoiceGroup
          name="taxRegime"
          legend="Regime fiscale"
          choices={TAX_REGIME_CHOICES}
          value={taxRegime}
          onChange={setTaxRegime}
          errors={errors.taxRegime}
        />
        <div className={styles.row}>
          {text("pensionFundLabel", "Cassa previdenziale", {}, "Contributo integrativo addebitato al paziente.")}
          {text("pensionFundRate", "Aliquota contributo (%)", { inputMode: "decimal" }, "Da 0 a 10, es. 2 o 2,5.")}
        </div>
        <ChoiceGroup
          name="bolloPolicy"
          legend="Imposta di bollo (oltre 77,47 €)"
          choices={BOLLO_CHOICES}
          value={bolloPolicy}
          onChange={setBolloPolicy}
          errors={errors.bolloPolicy}
        />
        <Field id="defaultExpenseType" label="Tipo di spesa STS predefinito" errors={errors.defaultExpenseType}>
          {(p) => (
            <select {...p} name="defaultExpenseType" defaultValue={initial.defaultExpenseType}>
              <ExpenseTypeOptions profession={initial.profession} />
            </select>
          )}
        </Field>
      </fieldset>

      <fieldset className={styles.section}>
        <legend>Fattura</legend>
        {text("iban", "IBAN per i bonifici (facoltativo)", { spellCheck: false, autoCapitalize: "characters" })}
        <Field
          id="invoiceFooter"
          label="Note a piè di pagina (facoltative)"
          errors={errors.invoiceFooter}
          hint="Al massimo 500 caratteri."
        >
          {(p) => <textarea {...p} name="invoiceFooter" rows={3} defaultValue={initial.invoiceFooter} />}
        </Field>
      </fieldset>

      <div className={styles.actions}>
        <button className="btn btn-primary" type="submit" disabled={pending}>
          {pending ? "Salvataggio…" : "Salva il profilo"}
        </button>
        <FormNotice message={notice} />
      </div>
    </form>
  );
}
