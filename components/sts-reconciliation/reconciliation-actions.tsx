"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import {
  cancelOnStsAction,
  fixAllDifferencesAction,
  fixDifferenceAction,
  verifyYearAction,
} from "@/app/(app)/invii/verifica/actions";
import { ActionButton } from "@/components/ui/action-button";
import choice from "@/components/ui/choice.module.css";
import { CANCEL_CONFIRMATION_MESSAGE } from "@/lib/domain/sts/reconciliation";

export function VerifyButton({ year, again }: { year: number; again: boolean }) {
  return (
    <ActionButton
      layout="bar"
      action={() => verifyYearAction(year)}
      done={() => "Verifica completata."}
      label={again ? "Verifica di nuovo" : "Verifica ora"}
      busyLabel="Verifica in corso…"
    />
  );
}

export function FixButton({ year, fixKey, label }: { year: number; fixKey: string; label: string }) {
  return (
    <ActionButton
      layout="inline"
      action={() => fixDifferenceAction(year, fixKey)}
      done={() => "Fatto."}
      label={label}
      busyLabel="Attendi…"
    />
  );
}

export function FixAllButton({ year, count }: { year: number; count: number }) {
  return (
    <ActionButton
      layout="bar"
      action={() => fixAllDifferencesAction(year)}
      done={() => "Correzioni eseguite."}
      label={`Correggi tutte (${count})`}
      busyLabel="Correzione in corso…"
    />
  );
}

/**
 * Cancelling a document STS holds that Parcella does not know: never the default (that is "Segna come già inviato"),
 * behind its own disclosure, with what it does said first and a confirmation the practitioner must tick.
 */
export function CancelOnSts({ year, fixKey, label }: { year: number; fixKey: string; label: string }) {
  const router = useRouter();
  const id = useId();
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  async function cancel() {
    if (!confirmed) return setError(CANCEL_CONFIRMATION_MESSAGE);
    setBusy(true);
    setError(null);
    const result = await cancelOnStsAction(year, fixKey, confirmed);
    setBusy(false);
    if (!result.ok) {
      setError(result.fieldErrors?.confirmed?.[0] ?? null);
      setMessage(result.fieldErrors?.confirmed ? null : result.message);
      return;
    }
    router.refresh();
  }
  return (
    <details className="reconcile-cancel">
      <summary>Non è tuo? Annullalo sul Sistema TS…</summary>
      <p>
        Annullare il documento {label} lo toglie dal Sistema TS: il paziente perde la detrazione di questa spesa nella
        sua dichiarazione precompilata. Fallo solo se il documento è stato inviato per errore; se è tuo, usa «Segna come
        già inviato».
      </p>
      <div className="field">
        <span className={choice.check}>
          <input
            type="checkbox"
            id={`${id}-confirm`}
            checked={confirmed}
            onChange={(e) => {
              setConfirmed(e.target.checked);
              setError(null);
            }}
            aria-invalid={error !== null}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          <label htmlFor={`${id}-confirm`}>Ho capito: il paziente perde la detrazione di questa spesa</label>
        </span>
        {error ? (
          <p className="field-error" id={`${id}-error`} role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="reconcile-fix">
        <button type="button" className="btn btn-danger" disabled={busy} onClick={cancel}>
          {busy ? "Attendi…" : "Annulla sul Sistema TS"}
        </button>
        <span role="status" className="muted">
          {message}
        </span>
      </div>
    </details>
  );
}
