"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { checkStsCredentialsAction } from "@/app/(app)/impostazioni/sts/actions";
import type { CredentialsCheckResult } from "@/lib/services/sts-settings/check-sts-credentials";
import styles from "./sts-settings.module.css";

export type LastCheck = { ok: boolean | null; message: string | null; at: string | null };

const FIX_ADVICE: Record<string, string> = {
  credentials: "Correggi codice fiscale, codice identificativo, password o PIN qui sopra, salva e verifica di nuovo.",
  profile: "Controlla i dati del titolare sul portale Sistema TS e nel profilo.",
  retry: "Non devi cambiare nulla: riprova tra qualche minuto.",
  support: "Se il problema continua, contatta l'assistenza.",
};

function formatInstant(iso: string): string {
  return new Intl.DateTimeFormat("it-IT", {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Rome",
  }).format(new Date(iso));
}

// "Verifica credenziali": asks STS (read-only) whether the saved credentials work and shows the answer in place.
export function CredentialsCheck({
  canCheck,
  last,
  onChecked,
}: {
  canCheck: boolean;
  last: LastCheck;
  onChecked?: () => void;
}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<CredentialsCheckResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function onCheck() {
    setPending(true);
    setError(null);
    const answer = await checkStsCredentialsAction();
    setPending(false);
    if (!answer.ok) {
      setResult(null);
      setError(answer.message);
      return;
    }
    setResult(answer.data);
    onChecked?.();
    router.refresh();
  }

  const shown = result;
  return (
    <div className={styles.section} role="group" aria-labelledby="sts-check-title">
      <strong id="sts-check-title">Verifica credenziali</strong>
      <span className="hint" id="sts-check-hint">
        Controlla con il Sistema TS le credenziali salvate, senza inviare nessuna fattura.
      </span>
      <div className={styles.actions}>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={onCheck}
          disabled={!canCheck || pending}
          aria-describedby="sts-check-hint"
        >
          {pending ? "Verifica in corso…" : "Verifica credenziali"}
        </button>
      </div>
      <div aria-live="polite" data-testid="sts-check-result">
        {pending ? <p className={styles.resultPending}>Collegamento al Sistema TS…</p> : null}
        {!pending && error ? <p className={styles.resultFail}>{error}</p> : null}
        {!pending && shown ? (
          <CheckOutcome
            ok={shown.ok}
            message={shown.message}
            fix={shown.fix}
            at={shown.checkedAt}
            resumed={shown.resumed}
          />
        ) : null}
        {!pending && !error && !shown ? <PreviousCheck canCheck={canCheck} last={last} /> : null}
      </div>
    </div>
  );
}

function CheckOutcome({
  ok,
  message,
  fix,
  at,
  resumed,
}: {
  ok: boolean;
  message: string;
  fix: string | null;
  at: string;
  resumed: boolean;
}) {
  if (ok) {
    return (
      <p className={styles.resultOk} role="status">
        <strong>Credenziali corrette</strong>
        {message} Verifica del {formatInstant(at)}.{resumed ? " L'invio automatico è ripartito." : ""}
      </p>
    );
  }
  return (
    <div className={styles.resultFail} role="alert">
      <strong>Verifica non riuscita</strong>
      {message}
      {fix && FIX_ADVICE[fix] ? (
        <span style={{ display: "block", marginTop: "0.3rem" }}>Cosa fare: {FIX_ADVICE[fix]}</span>
      ) : null}
    </div>
  );
}

function PreviousCheck({ canCheck, last }: { canCheck: boolean; last: LastCheck }) {
  if (!canCheck) return <p className="hint">Salva prima codice fiscale, password e PIN: poi potrai verificarli.</p>;
  if (last.ok === null || !last.at) {
    return <p className={styles.resultPending}>Credenziali non ancora verificate: premi «Verifica credenziali».</p>;
  }
  return <CheckOutcome ok={last.ok} message={last.message ?? ""} fix={null} at={last.at} resumed={false} />;
}
