"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { checkCitizenReportsAction, markCitizenReportHandledAction } from "@/app/(app)/invii/segnalazioni/actions";

function useRun() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  async function run<T>(
    action: () => Promise<{ ok: true; data: T } | { ok: false; message: string }>,
    done: (data: T) => string,
  ) {
    setBusy(true);
    setMessage(null);
    const result = await action();
    setBusy(false);
    setMessage(result.ok ? done(result.data) : result.message);
    router.refresh();
  }
  return { busy, message, run };
}

export function CheckNowButton() {
  const { busy, message, run } = useRun();
  return (
    <div className="reconcile-bar">
      <button
        type="button"
        className="btn btn-primary"
        disabled={busy}
        onClick={() =>
          run(checkCitizenReportsAction, ({ stored }) =>
            stored === 0
              ? "Nessuna nuova segnalazione."
              : stored === 1
                ? "1 nuova segnalazione."
                : `${stored} nuove segnalazioni.`,
          )
        }
      >
        {busy ? "Controllo in corso…" : "Controlla ora"}
      </button>
      <span role="status" className="muted" data-testid="citizen-check-result">
        {message}
      </span>
    </div>
  );
}

export function MarkHandledButton({ reportId }: { reportId: string }) {
  const { busy, message, run } = useRun();
  return (
    <span className="reconcile-fix">
      <button
        type="button"
        className="btn"
        disabled={busy}
        onClick={() =>
          run(
            () => markCitizenReportHandledAction(reportId),
            () => "Segnata come gestita.",
          )
        }
      >
        {busy ? "Attendi…" : "Segna come gestita"}
      </button>
      <span role="status" className="muted">
        {message}
      </span>
    </span>
  );
}
