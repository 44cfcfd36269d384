"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { startExportAction } from "@/app/(app)/impostazioni/esporta/actions";
import { FormError } from "@/components/ui/form-message";
import type { ExportView } from "@/lib/services/export/run-export";
import styles from "./export.module.css";

const REFRESH_MS = 2000;
const timeFormat = new Intl.DateTimeFormat("it-IT", {
  dateStyle: "short",
  timeStyle: "short",
  timeZone: "Europe/Rome",
});

// The latest export: its progress bar while it is built (the page reloads itself), then the download link.
export function ExportPanel({ latest }: { latest: ExportView | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const running = latest?.status === "running";

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [running, router]);

  function start() {
    setError(null);
    startTransition(async () => {
      const answer = await startExportAction();
      if (!answer.ok) setError(answer.message);
      router.refresh();
    });
  }

  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">Esportazione</h2>
      {running ? (
        <div role="status" data-testid="export-progress">
          <label htmlFor="export-bar">
            Preparazione in corso: {latest.done} di {latest.total || "…"} file
          </label>
          <progress id="export-bar" value={latest.done} max={latest.total || 1} className={styles.bar} />
        </div>
      ) : null}
      {latest?.status === "ready" ? (
        <p data-testid="export-ready">
          Pronta. <a href={`/impostazioni/esporta/${latest.id}`}>Scarica il file ZIP</a>
          {latest.expiresAt ? ` (disponibile fino al ${timeFormat.format(latest.expiresAt)})` : ""}.
        </p>
      ) : null}
      {latest?.status === "expired" ? <p>L&apos;ultima esportazione è scaduta: preparane una nuova.</p> : null}
      {latest?.status === "failed" ? <p role="alert">L&apos;ultima esportazione non è riuscita: riprova.</p> : null}
      <FormError message={error} />
      <button type="button" className="btn btn-primary" disabled={pending || running} onClick={start}>
        {running ? "Preparazione in corso…" : "Prepara l'esportazione"}
      </button>
    </section>
  );
}
