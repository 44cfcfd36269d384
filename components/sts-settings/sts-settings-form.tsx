"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { saveStsSettingsAction } from "@/app/(app)/impostazioni/sts/actions";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { clientFieldErrors, type FieldErrors } from "@/components/ui/field-errors";
import { FormError, FormNotice } from "@/components/ui/form-message";
import {
  makeStsSettingsSchema,
  stsSecretWarnings,
  stsUsernameWarnings,
  type StsSettingsFormValues,
} from "@/lib/schemas/sts-settings";
import { CredentialsCheck, type LastCheck } from "./credentials-check";
import { PasswordAge, type PasswordAgeProps } from "./password-age";
import styles from "./sts-settings.module.css";

export type StsSettingsFormProps = {
  initial: StsSettingsFormValues;
  /** "26/11/2026" when a secret is stored, else null. */
  passwordSetOn: string | null;
  pincodeSetOn: string | null;
  passwordAge: PasswordAgeProps | null;
  defaultValidityDays: number;
  canCheck: boolean;
  lastCheck: LastCheck;
  exampleYear: number;
};

const TEXT_FIELDS = ["cfTitolare", "username", "autoSendFrom", "passwordValidityDays"] as const;

export function StsSettingsForm(props: StsSettingsFormProps) {
  const { initial } = props;
  const router = useRouter();
  const [password, setPassword] = useState("");
  const [pincode, setPincode] = useState("");
  const [username, setUsername] = useState(initial.username);
  const [autoSend, setAutoSend] = useState(initial.autoSend);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [savedWarnings, setSavedWarnings] = useState<string[]>([]);
  const [pending, setPending] = useState(false);
  const [checkKey, setCheckKey] = useState(0);
  const hasPassword = props.passwordSetOn !== null;
  const hasPincode = props.pincodeSetOn !== null;
  const schema = useMemo(
    () => makeStsSettingsSchema({ today: new Date(), hasPassword, hasPincode }),
    [hasPassword, hasPincode],
  );
  const warnings = { ...stsSecretWarnings({ password, pincode }), ...stsUsernameWarnings({ username }) };

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values: StsSettingsFormValues = { ...initial, password, pincode, autoSend };
    for (const key of TEXT_FIELDS) values[key] = String(form.get(key) ?? "");
    setNotice(null);
    setSavedWarnings([]);
    const local = clientFieldErrors(schema, values);
    setErrors(local ?? {});
    setMessage(local ? "Controlla i campi evidenziati." : null);
    if (local) return;
    setPending(true);
    const result = await saveStsSettingsAction(values);
    setPending(false);
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      setMessage(result.message);
      return;
    }
    // The secrets leave the page as soon as they are stored: the fields go back to "leave empty to keep".
    setPassword("");
    setPincode("");
    setSavedWarnings(Object.values(result.data.warnings).flat());
    setNotice(
      result.data.credentialsChanged
        ? "Impostazioni salvate. Ora premi «Verifica credenziali»."
        : "Impostazioni salvate.",
    );
    if (result.data.credentialsChanged) setCheckKey((k) => k + 1);
    router.refresh();
  }

  const warningList = (field: "password" | "pincode" | "username") =>
    warnings[field]?.map((w) => (
      <span key={w} className={styles.warning}>
        ⚠ {w}
      </span>
    ));

  return (
    <>
      <form
        className={`form ${styles.form}`}
        onSubmit={onSubmit}
        noValidate
        aria-label="Impostazioni Sistema Tessera Sanitaria"
      >
        <FormError message={message} />
        <fieldset className={styles.section}>
          <legend>Credenziali del Sistema TS</legend>
          <div className={styles.row}>
            <Field
              id="cfTitolare"
              label="Codice fiscale del titolare"
              errors={errors.cfTitolare}
              hint="Il tuo codice fiscale, con cui sei accreditato sul Sistema TS."
            >
              {(p) => (
                <input
                  {...p}
                  name="cfTitolare"
                  defaultValue={initial.cfTitolare}
                  autoCapitalize="characters"
                  spellCheck={false}
                  maxLength={20}
                  autoComplete="off"
                />
              )}
            </Field>
            <Field
              id="username"
              label="Codice identificativo (facoltativo)"
              errors={errors.username}
              hint={
                <>
                  Di solito è il codice fiscale: lascia vuoto. Indicalo solo se il Sistema TS te ne ha assegnato uno
                  diverso.
                  {warningList("username")}
                </>
              }
            >
              {(p) => (
                <input
                  {...p}
                  name="username"
                  value={username}
                  onChange={(e) => setUsername(e.target.value)}
                  autoCapitalize="characters"
                  spellCheck={false}
                  maxLength={20}
                  autoComplete="username"
                />
              )}
            </Field>
          </div>
          <div className={styles.secrets}>
            <Field
              id="password"
              label="Password del Sistema TS"
              errors={errors.password}
              hint={
                <>
                  La password che usi sul portale Sistema TS. Viene conservata cifrata e non viene mai mostrata.
                  {warningList("password")}
                </>
              }
            >
              {(p) => (
                <input
                  {...p}
                  name="password"
                  type="password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  placeholder={
                    props.passwordSetOn ? `impostata il ${props.passwordSetOn} — lascia vuoto per non cambiarla` : ""
                  }
                  autoComplete="new-password"
                  spellCheck={false}
                />
              )}
            </Field>
            <Field
              id="pincode"
              label="PIN (PINCODE)"
              errors={errors.pincode}
              hint={
                <>
                  10 cifre, dal PDF nella tua area riservata del portale Sistema TS. Conservato cifrato.
                  {warningList("pincode")}
                </>
              }
            >
              {(p) => (
                <input
                  {...p}
                  name="pincode"
                  type="password"
                  inputMode="numeric"
                  value={pincode}
                  onChange={(e) => setPincode(e.target.value)}
                  placeholder={
                    props.pincodeSetOn ? `impostato il ${props.pincodeSetOn} — lascia vuoto per non cambiarlo` : ""
                  }
                  autoComplete="off"
                  spellCheck={false}
                />
              )}
            </Field>
          </div>
          {props.passwordAge ? <PasswordAge {...props.passwordAge} /> : null}
          <Field
            id="passwordValidityDays"
            label="Durata della password in giorni (facoltativa)"
            errors={errors.passwordValidityDays}
            hint={`Da 30 a 180. Se lasci vuoto: ${props.defaultValidityDays} giorni. Ti avvisiamo 10 giorni prima della scadenza.`}
          >
            {(p) => (
              <input
                {...p}
                name="passwordValidityDays"
                defaultValue={initial.passwordValidityDays}
                inputMode="numeric"
                maxLength={3}
                style={{ maxWidth: "8rem" }}
              />
            )}
          </Field>
        </fieldset>

        <fieldset className={styles.section}>
          <legend>Invio automatico</legend>
          <CheckboxField
            id="autoSend"
            label="Invia automaticamente le fatture al Sistema TS"
            checked={autoSend}
            onChange={setAutoSend}
            hint="Ogni ora al minuto 10, gruppi di massimo 25 fatture, una ricevuta per gruppo nell'elenco invii. Se resta spento, invii tu ogni fattura dall'elenco fatture con il pulsante giallo STS."
          />
          <Field
            id="autoSendFrom"
            label={
              autoSend
                ? "Data minima fattura per invio automatico"
                : "Data minima fattura per invio automatico (serve se attivi l'invio automatico)"
            }
            errors={errors.autoSendFrom}
            hint={`Vengono inviate automaticamente solo le fatture con data uguale o successiva. Se hai già caricato fatture a mano sul portale, indica il giorno dopo l'ultimo caricamento; per inviare tutto il ${props.exampleYear} indica 01/01/${props.exampleYear}.`}
          >
            {(p) => (
              <input
                {...p}
                name="autoSendFrom"
                type="date"
                defaultValue={initial.autoSendFrom}
                style={{ maxWidth: "12rem" }}
              />
            )}
          </Field>
        </fieldset>

        <div className={styles.actions}>
          <button className="btn btn-primary" type="submit" disabled={pending}>
            {pending ? "Salvataggio…" : "Salva le impostazioni"}
          </button>
          <FormNotice message={notice} />
        </div>
        {savedWarnings.length ? (
          <div className={styles.ageWarning} role="status">
            {savedWarnings.map((w) => (
              <span key={w} style={{ display: "block" }}>
                ⚠ {w}
              </span>
            ))}
          </div>
        ) : null}
      </form>
      <div className={styles.form} style={{ marginTop: "1.5rem" }}>
        <CredentialsCheck
          key={checkKey}
          canCheck={props.canCheck}
          last={props.lastCheck}
          onChecked={() => setNotice(null)}
        />
      </div>
    </>
  );
}
