"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveMailSettingsAction } from "@/app/(app)/impostazioni/email/actions";
import { TEMPLATE_PLACEHOLDERS, type MailKind } from "@/lib/domain/mail-templates";
import type { MailSettingsView } from "@/lib/services/mail/get-mail-settings-view";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import type { FieldErrors } from "@/components/ui/field-errors";
import { FormError, FormNotice } from "@/components/ui/form-message";

type Values = MailSettingsView["values"];
type TextKey = Exclude<keyof Values, "autoReminders">;

const TEMPLATES: { kind: MailKind; title: string; subject: TextKey; body: TextKey }[] = [
  { kind: "invoice", title: "Fattura", subject: "invoiceSubject", body: "invoiceBody" },
  { kind: "reminder", title: "Promemoria di pagamento", subject: "reminderSubject", body: "reminderBody" },
  { kind: "statement", title: "Riepilogo annuale delle spese", subject: "statementSubject", body: "statementBody" },
];

export function MailSettingsForm({ view }: { view: MailSettingsView }) {
  const router = useRouter();
  const [values, setValues] = useState<Values>(view.values);
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const set = (key: TextKey) => (e: { target: { value: string } }) => setValues({ ...values, [key]: e.target.value });
  const text = (key: TextKey, label: string, type = "text", hint?: string) => (
    <Field id={`mail-${key}`} label={label} errors={errors[key]} hint={hint}>
      {(p) => <input {...p} name={key} type={type} value={values[key]} onChange={set(key)} />}
    </Field>
  );

  return (
    <form
      className="stack"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        setMessage(null);
        setNotice(null);
        const result = await saveMailSettingsAction({ ...values, smtpPassword: password });
        setPending(false);
        if (!result.ok) {
          setMessage(result.message);
          setErrors(result.fieldErrors ?? {});
          return;
        }
        setErrors({});
        setPassword("");
        setNotice("Impostazioni salvate.");
        router.refresh();
      }}
    >
      <section className="card">
        <h2>Mittente</h2>
        {text("senderName", "Nome del mittente", "text", "Come compare al paziente, es. Dott.ssa Anna Bianchi.")}
        {text("replyTo", "Indirizzo per le risposte", "email", "Dove arrivano le risposte dei pazienti.")}
      </section>
      <section className="card">
        <h2>Server di posta (SMTP)</h2>
        <p>
          {view.installationSmtp
            ? "L'installazione ha già un server di posta: compila questi campi solo per usare il tuo."
            : "Senza server i messaggi restano nella posta in uscita di Parcella e non vengono consegnati."}
        </p>
        {text("smtpHost", "Server", "text", "es. smtp.tuodominio.it; lascia vuoto per non usarne uno tuo.")}
        {text("smtpPort", "Porta", "text", "587 con STARTTLS, 465 con SSL/TLS.")}
        <Field id="mail-smtpSecurity" label="Sicurezza" errors={errors.smtpSecurity}>
          {(p) => (
            <select {...p} name="smtpSecurity" value={values.smtpSecurity} onChange={set("smtpSecurity")}>
              <option value="starttls">STARTTLS (porta 587)</option>
              <option value="tls">SSL/TLS (porta 465)</option>
              <option value="none">Nessuna (solo server locali di prova)</option>
            </select>
          )}
        </Field>
        {text("smtpUser", "Nome utente")}
        <Field
          id="mail-smtpPassword"
          label="Password"
          errors={errors.smtpPassword}
          hint={view.hasPassword ? "Una password è salvata: lascia vuoto per non cambiarla." : undefined}
        >
          {(p) => (
            <input
              {...p}
              name="smtpPassword"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        {text("smtpFrom", "Indirizzo del mittente", "email", "La casella del server, se diversa dal nome utente.")}
      </section>
      <section className="card">
        <h2>Promemoria di pagamento</h2>
        {text("reminderAfterDays", "Giorni dopo la data della fattura", "number")}
        <CheckboxField
          id="mail-autoReminders"
          label="Invia i promemoria automaticamente ogni mattina"
          checked={values.autoReminders}
          onChange={(checked) => setValues({ ...values, autoReminders: checked })}
          hint="Mai per le fatture pagate, e solo ai pazienti con un indirizzo e-mail."
        />
        {text("reminderEveryDays", "Al massimo un promemoria ogni (giorni)", "number")}
      </section>
      {TEMPLATES.map((t) => (
        <section className="card" key={t.kind}>
          <h2>Testo: {t.title}</h2>
          <p className="hint">Puoi usare: {TEMPLATE_PLACEHOLDERS[t.kind].map((p) => `{${p}}`).join(", ")}</p>
          {text(t.subject, "Oggetto")}
          <Field id={`mail-${t.body}`} label="Messaggio" errors={errors[t.body]}>
            {(p) => <textarea {...p} name={t.body} rows={8} value={values[t.body]} onChange={set(t.body)} />}
          </Field>
        </section>
      ))}
      <FormError message={message} />
      <FormNotice message={notice} />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        Salva le impostazioni e-mail
      </button>
    </form>
  );
}
