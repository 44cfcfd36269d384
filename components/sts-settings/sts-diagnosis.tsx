"use client";

import { useState } from "react";
import { runStsDiagnosisAction } from "@/app/(app)/impostazioni/sts/actions";
import type { DoctorReport } from "@/lib/sts/doctor/run-doctor";
import styles from "./sts-diagnosis.module.css";

const STATUS = {
  ok: { mark: "✓", label: "riuscito", className: styles.ok },
  warning: { mark: "!", label: "da controllare", className: styles.warn },
  failed: { mark: "✗", label: "non riuscito", className: styles.failed },
  skipped: { mark: "–", label: "non verificato", className: styles.skipped },
} as const;

// "Diagnostica STS": runs the step-by-step check on the server and lists each step with what to do.
export function StsDiagnosis({ hasCredentials }: { hasCredentials: boolean }) {
  const [pending, setPending] = useState(false);
  const [report, setReport] = useState<DoctorReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function onRun() {
    setPending(true);
    setError(null);
    const answer = await runStsDiagnosisAction();
    setPending(false);
    if (!answer.ok) {
      setReport(null);
      setError(answer.message);
      return;
    }
    setReport(answer.data);
  }

  return (
    <div className={styles.box}>
      <p className="hint" id="sts-diagnosis-hint">
        Controlla passo per passo il collegamento al Sistema TS: nome del server, connessione sicura, utente e password,
        PIN, certificato di cifratura e orologio. Non invia nessuna fattura.
        {hasCredentials ? "" : " Non hai ancora salvato le credenziali: i passi che le richiedono saranno saltati."}
      </p>
      <button
        type="button"
        className="btn btn-primary"
        onClick={onRun}
        disabled={pending}
        aria-describedby="sts-diagnosis-hint"
      >
        {pending ? "Diagnostica in corso…" : report ? "Ripeti la diagnostica" : "Avvia la diagnostica"}
      </button>
      <div aria-live="polite" data-testid="sts-diagnosis">
        {pending ? (
          <p className={styles.pending}>Collegamento al Sistema TS… può richiedere fino a un paio di minuti.</p>
        ) : null}
        {!pending && error ? <p className={styles.failed}>{error}</p> : null}
        {!pending && report ? <Report report={report} /> : null}
      </div>
    </div>
  );
}

function Report({ report }: { report: DoctorReport }) {
  return (
    <>
      <p
        className={report.ok ? styles.summaryOk : styles.summaryFailed}
        role={report.ok ? "status" : "alert"}
        data-testid="sts-diagnosis-summary"
      >
        {report.firstFailure
          ? `Diagnostica non superata: il primo problema è «${report.firstFailure.title}».`
          : "Diagnostica superata: il collegamento al Sistema TS funziona."}
      </p>
      <ol className={styles.steps}>
        {report.steps.map((step) => {
          const status = STATUS[step.status];
          return (
            <li
              key={step.id}
              className={status.className}
              data-testid={`sts-diagnosis-${step.id}`}
              data-status={step.status}
            >
              <span className={styles.mark} aria-hidden="true">
                {status.mark}
              </span>
              <div>
                <strong>
                  {step.title} <span className="visually-hidden">({status.label})</span>
                </strong>
                <span className={styles.detail}>{step.detail}</span>
                {step.advice && step.status !== "ok" ? (
                  <span className={styles.advice}>Cosa fare: {step.advice}</span>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </>
  );
}
