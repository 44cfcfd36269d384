"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { fixAllDifferencesAction, fixDifferenceAction, verifyYearAction } from "@/app/(app)/invii/verifica/actions";

function useRun() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  async function run(action: () => Promise<{ ok: true } | { ok: false; message: string }>, done: string) {
    setBusy(true);
    setMessage(null);
    const result = await action();
    setBusy(false);
    setMessage(result.ok ? done : result.message);
    router.refresh();
  }
  return { busy, message, run };
}

export function VerifyButton({ year, again }: { year: number; again: boolean }) {
  const { busy, message, run } = useRun();
  return (
    <div className="reconcile-bar">
      <button
        type="button"
        className="btn btn-primary"
        disabled={busy}
        onClick={() => run(() => verifyYearAction(year), "Verifica completata.")}
      >
        {busy ? "Verifica in corso…" : again ? "Verifica di nuovo" : "Verifica ora"}
      </button>
      <span role="status" className="muted">
        {message}
      </span>
    </div>
  );
}

export function FixButton({ year, fixKey, label }: { year: number; fixKey: string; label: string }) {
  const { busy, message, run } = useRun();
  return (
    <span className="reconcile-fix">
      <button
        type="button"
        className="btn"
        disabled={busy}
        onClick={() => run(() => fixDifferenceAction(year, fixKey), "Fatto.")}
      >
        {busy ? "Attendi…" : label}
      </button>
      <span role="status" className="muted">
        {message}
      </span>
    </span>
  );
}

export function FixAllButton({ year, count }: { year: number; count: number }) {
  const { busy, message, run } = useRun();
  return (
    <div className="reconcile-bar">
      <button
        type="button"
        className="btn btn-primary"
        disabled={busy}
        onClick={() => run(() => fixAllDifferencesAction(year), "Correzioni eseguite.")}
      >
        {busy ? "Correzione in corso…" : `Correggi tutte (${count})`}
      </button>
      <span role="status" className="muted">
        {message}
      </span>
    </div>
  );
}
