"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { createPatientAction, updatePatientAction } from "@/app/(app)/pazienti/actions";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { Field } from "@/components/ui/field";
import { clientFieldErrors, type FieldErrors } from "@/components/ui/field-errors";
import { FormError, FormNotice } from "@/components/ui/form-message";
import { isoDate } from "@/lib/domain/dates";
import { makePatientSchema, type PatientFormValues } from "@/lib/schemas/patient";
import { normalizeCodiceFiscale } from "@/lib/domain/codice-fiscale";
import { compareCodiceFiscaleWithName } from "@/lib/domain/codice-fiscale-name";
import { codiceFiscaleHint } from "./codice-fiscale-hint";
import styles from "./patients.module.css";

const KIND_CHOICES = [
  { value: "person", label: "Persona" },
  {
    value: "company",
    label: "Azienda o cliente con partita IVA",
    description: "Le sue fatture non vengono mai inviate al Sistema TS.",
  },
];

type TextField = Exclude<keyof PatientFormValues, "foreign" | "opposesSts">;
const TEXT_FIELDS: TextField[] = [
  "firstName",
  "lastName",
  "companyName",
  "codiceFiscale",
  "partitaIva",
  "email",
  "phone",
  "address",
  "postalCode",
  "city",
  "province",
  "opposesStsSince",
  "notes",
];

type PatientFormProps = {
  initial: PatientFormValues;
  patientId?: string;
  /** Issued documents of this patient that STS holds (or held): a new CF reaches them as variazioni. */
  heldInvoices?: number;
};

export function PatientForm({ initial, patientId, heldInvoices = 0 }: PatientFormProps) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState(initial.kind);
  const [foreign, setForeign] = useState(initial.foreign);
  const [codiceFiscale, setCodiceFiscale] = useState(initial.codiceFiscale);
  const [names, setNames] = useState({ firstName: initial.firstName, lastName: initial.lastName });
  // A card saved with a code that does not match its names was confirmed then: it stays confirmed until changed.
  const [cfConfirmed, setCfConfirmed] = useState(() => nameMismatch(initial) !== null);
  const [opposesSts, setOpposesSts] = useState(initial.opposesSts);
  const [opposesStsSince, setOpposesStsSince] = useState(initial.opposesStsSince);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const today = useMemo(() => new Date(), []);
  const schema = useMemo(() => makePatientSchema({ today }), [today]);

  // Keyboard and screen-reader users land on the first field to correct.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  function toggleOpposition(checked: boolean) {
    setOpposesSts(checked);
    if (checked && !opposesStsSince) setOpposesStsSince(isoDate(new Date()));
  }

  const person = kind === "person";
  const mismatchText = person && !foreign ? nameMismatch({ ...names, codiceFiscale }) : null;
  const cfChanged =
    Boolean(patientId) && normalizeCodiceFiscale(codiceFiscale) !== normalizeCodiceFiscale(initial.codiceFiscale);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = Object.fromEntries(TEXT_FIELDS.map((key) => [key, String(form.get(key) ?? "")]));
    const values = { ...(text as Record<TextField, string>), kind, foreign, opposesSts };
    setNotice(null);
    const mismatch = person && !foreign && !cfConfirmed ? nameMismatch(values) : null;
    const local =
      clientFieldErrors(schema, values) ??
      (mismatch ? { codiceFiscale: [`${mismatch} Controlla i dati o spunta la conferma qui sotto.`] } : null);
    setErrors(local ?? {});
    setMessage(local ? "Controlla i campi evidenziati." : null);
    if (local) return;
    setPending(true);
    const result = patientId ? await updatePatientAction(patientId, values) : await createPatientAction(values);
    if (!result.ok) {
      setPending(false);
      setErrors(result.fieldErrors ?? {});
      setMessage(result.message);
      return;
    }
    if (result.data && "id" in result.data) {
      router.push(`/pazienti/${result.data.id}`);
      return;
    }
    setPending(false);
    setNotice("Modifiche salvate.");
    router.refresh();
  }

  const text = (
    id: TextField,
    label: string,
    extra: React.InputHTMLAttributes<HTMLInputElement> = {},
    hint?: string,
  ) => (
    <Field id={id} label={label} errors={errors[id]} hint={hint}>
      {(p) => <input {...p} name={id} defaultValue={initial[id]} {...extra} />}
    </Field>
  );
  const cfHint = codiceFiscaleHint(codiceFiscale, today, Boolean(errors.codiceFiscale?.length));

  return (
    <form ref={formRef} className={`form ${styles.form}`} onSubmit={onSubmit} noValidate>
      <FormError message={message} />
      <ChoiceGroup
        name="kind"
        legend="Tipo di paziente"
        choices={KIND_CHOICES}
        value={kind}
        onChange={setKind}
        errors={errors.kind}
      />

      {person ? (
        <>
          <div className={styles.row}>
            {text("firstName", "Nome", {
              autoComplete: "off",
              required: true,
              onChange: (e) => setNames((n) => ({ ...n, firstName: e.target.value })),
            })}
            {text("lastName", "Cognome", {
              autoComplete: "off",
              required: true,
              onChange: (e) => setNames((n) => ({ ...n, lastName: e.target.value })),
            })}
          </div>
          <CheckboxField
            id="foreign"
            label="Paziente straniero senza codice fiscale italiano"
            checked={foreign}
            onChange={setForeign}
            hint={foreign ? "Le fatture di questo paziente non saranno inviate al Sistema TS." : undefined}
          />
          {foreign ? null : (
            <Field
              id="codiceFiscale"
              label="Codice fiscale"
              errors={errors.codiceFiscale}
              hint={cfHint ? <span data-testid="cf-hint">{cfHint}</span> : undefined}
            >
              {(p) => (
                <input
                  {...p}
                  name="codiceFiscale"
                  value={codiceFiscale}
                  onChange={(e) => setCodiceFiscale(e.target.value)}
                  autoCapitalize="characters"
                  spellCheck={false}
                  maxLength={20}
                  className={styles.code}
                  required
                />
              )}
            </Field>
          )}
          {!foreign && mismatchText ? (
            <CheckboxField
              id="cfConfirmed"
              label="Il codice fiscale è giusto anche se non corrisponde a nome e cognome"
              checked={cfConfirmed}
              onChange={setCfConfirmed}
              hint={`${mismatchText} Succede con codici assegnati d'ufficio o nomi stranieri; se no, le spese andrebbero a un'altra persona.`}
            />
          ) : null}
          {!foreign && cfChanged && heldInvoices > 0 ? (
            <p className={styles.cfNotice} role="note" data-testid="cf-change-notice">
              {heldInvoices === 1
                ? "La fattura di questo paziente già trasmessa al Sistema TS verrà corretta con il nuovo codice fiscale: al prossimo invio parte una variazione."
                : `Le ${heldInvoices} fatture di questo paziente già trasmesse al Sistema TS verranno corrette con il nuovo codice fiscale: al prossimo invio partono le variazioni.`}
            </p>
          ) : null}
        </>
      ) : (
        <>
          {text("companyName", "Ragione sociale", { required: true })}
          <div className={styles.row}>
            {text("partitaIva", "Partita IVA", { inputMode: "numeric", maxLength: 16, required: true })}
            {text(
              "codiceFiscale",
              "Codice fiscale (facoltativo)",
              { spellCheck: false, maxLength: 20, className: styles.code },
              "Se diverso dalla partita IVA.",
            )}
          </div>
        </>
      )}

      <div className={styles.row}>
        {text("email", "Email (facoltativa)", { type: "email", autoComplete: "off" })}
        {text("phone", "Telefono (facoltativo)", { type: "tel", autoComplete: "off" })}
      </div>
      {text("address", "Indirizzo (facoltativo)", { autoComplete: "off" })}
      <div className={styles.address}>
        {text("postalCode", "CAP", { inputMode: "numeric", maxLength: 5, autoComplete: "off" })}
        {text("city", "Comune", { autoComplete: "off" })}
        {text("province", "Provincia", { maxLength: 2, autoCapitalize: "characters", autoComplete: "off" }, "Es. RM")}
      </div>

      {person && !foreign ? (
        <div className={styles.opposition}>
          <CheckboxField
            id="opposesSts"
            label="Si oppone all'invio al Sistema TS"
            checked={opposesSts}
            onChange={toggleOpposition}
            hint="Le spese vengono comunque trasmesse, ma senza il suo codice fiscale: non compaiono nel suo 730 precompilato. La fattura riporterà l'opposizione."
          />
          {opposesSts ? (
            <Field id="opposesStsSince" label="Data dell'opposizione" errors={errors.opposesStsSince}>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  name="opposesStsSince"
                  value={opposesStsSince}
                  max={isoDate(today)}
                  onChange={(e) => setOpposesStsSince(e.target.value)}
                />
              )}
            </Field>
          ) : null}
        </div>
      ) : null}

      <Field
        id="notes"
        label="Note (facoltative)"
        errors={errors.notes}
        hint="Visibili solo a te, non compaiono in fattura."
      >
        {(p) => <textarea {...p} name="notes" rows={3} defaultValue={initial.notes} />}
      </Field>

      <div className={styles.actions}>
        <button className="btn btn-primary" type="submit" disabled={pending}>
          {pending ? "Salvataggio…" : patientId ? "Salva le modifiche" : "Crea il paziente"}
        </button>
        <FormNotice message={notice} />
      </div>
    </form>
  );
}

/** The warning for a code whose six name letters do not match the names, or null. */
function nameMismatch(values: { codiceFiscale: string; firstName: string; lastName: string }): string | null {
  const check = compareCodiceFiscaleWithName(values.codiceFiscale, values.firstName, values.lastName);
  if (!check || check.matches) return null;
  return `Il codice fiscale non corrisponde a nome e cognome: dal nome risulta ${check.expected}, nel codice c'è ${check.found}.`;
}
