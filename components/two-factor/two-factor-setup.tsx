"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { confirmTwoFactorAction, startTwoFactorAction } from "@/app/(app)/impostazioni/sicurezza/actions";
import { Field } from "@/components/ui/field";
import { clientFieldErrors, type FieldErrors } from "@/components/ui/field-errors";
import { FormError } from "@/components/ui/form-message";
import { ConfirmTwoFactorSchema } from "@/lib/schemas/two-factor";
import type { TwoFactorEnrolment } from "@/lib/services/two-factor/start-two-factor";
import styles from "./two-factor.module.css";

// Three steps on one card: start (a new secret, as a QR code and in letters), confirm with the first code, then the
// recovery codes — shown here once, never again.
export function TwoFactorSetup() {
  const router = useRouter();
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function start() {
    setPending(true);
    setMessage(null);
    const result = await startTwoFactorAction();
    setPending(false);
    if (!result.ok) return setMessage(result.message);
    setEnrolment(result.data);
  }

  async function confirm(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = { code: String(new FormData(event.currentTarget).get("code") ?? "") };
    const local = clientFieldErrors(ConfirmTwoFactorSchema, values);
    setErrors(local ?? {});
    setMessage(null);
    if (local) return;
    setPending(true);
    const result = await confirmTwoFactorAction(values);
    setPending(false);
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      return setMessage(result.message);
    }
    setRecoveryCodes(result.data.recoveryCodes);
  }

  if (recoveryCodes) {
    return (
      <>
        <p role="status" className={styles.on}>
          Verifica in due passaggi attiva.
        </p>
        <p>
          Questi sono i tuoi <strong>codici di recupero</strong>: se perdi il telefono, ognuno ti fa accedere una volta
          al posto del codice dell&apos;app. Salvali ora in un posto sicuro (stampali o copiali nel gestore delle
          password): non verranno mostrati di nuovo.
        </p>
        <ul className={styles.codes} aria-label="Codici di recupero">
          {recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <div>
          <button className="btn btn-primary" type="button" onClick={() => router.refresh()}>
            Ho salvato i codici
          </button>
        </div>
      </>
    );
  }

  if (!enrolment) {
    return (
      <>
        <p>
          Oltre alla password, all&apos;accesso ti verrà chiesto un codice a 6 cifre generato da un&apos;app sul tuo
          telefono (per esempio Google Authenticator, Microsoft Authenticator, FreeOTP o Aegis). Così, anche se qualcuno
          scoprisse la tua password, non potrebbe entrare nei dati dei tuoi pazienti.
        </p>
        <FormError message={message} />
        <div>
          <button className="btn btn-primary" type="button" onClick={start} disabled={pending}>
            {pending ? "Preparazione…" : "Attiva la verifica in due passaggi"}
          </button>
        </div>
      </>
    );
  }

  return (
    <form className="form" onSubmit={confirm} noValidate>
      <ol className={styles.steps}>
        <li>Apri l&apos;app di autenticazione sul telefono e aggiungi un account inquadrando questo codice QR.</li>
        <li>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server: nothing to optimise */}
          <img className={styles.qr} src={enrolment.qrCode} alt="Codice QR da inquadrare con l'app di autenticazione" />
        </li>
        <li>
          Non riesci a inquadrarlo? Inserisci a mano questa chiave:{" "}
          <code className={styles.secret} data-testid="two-factor-secret">
            {enrolment.secret}
          </code>
        </li>
        <li>Scrivi qui il codice a 6 cifre che l&apos;app mostra adesso.</li>
      </ol>
      <FormError message={message} />
      <Field id="code" label="Codice dell'app" errors={errors.code}>
        {(p) => <input {...p} name="code" type="text" inputMode="numeric" autoComplete="one-time-code" required />}
      </Field>
      <div>
        <button className="btn btn-primary" type="submit" disabled={pending}>
          {pending ? "Verifica in corso…" : "Conferma e attiva"}
        </button>
      </div>
    </form>
  );
}
