"use client";

import { useState, useTransition } from "react";
import { previewImportAction, runImportAction } from "@/app/(app)/impostazioni/importa/actions";
import { FormError } from "@/components/ui/form-message";
import { guessMapping, type ColumnMapping, type ImportLayout } from "@/lib/domain/import/columns";
import type { ImportPreview } from "@/lib/services/import/preview-import";
import type { ImportResult } from "@/lib/services/import/run-import";
import styles from "./import.module.css";
import { ImportMapping } from "./import-mapping";
import { ImportDone, ImportErrors, ImportSample, ImportSummary } from "./import-report";

type Options = { layout: ImportLayout; mapping: ColumnMapping; sentByDefault: boolean };

function formOf(file: File) {
  const form = new FormData();
  form.set("file", file);
  return form;
}

// Upload → columns → preview (a dry run on the server) → import. The file stays in the page and is sent again at
// each step, so nothing half-imported is ever stored.
export function ImportWizard() {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [options, setOptions] = useState<Options | null>(null);
  const [stale, setStale] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function check(chosen: Options | null, chosenFile = file) {
    if (!chosenFile) return setError("Scegli un file CSV o XLSX.");
    setError(null);
    startTransition(async () => {
      const answer = await previewImportAction(formOf(chosenFile), chosen);
      if (!answer.ok) return setError(answer.message);
      setPreview(answer.data);
      setOptions({
        layout: answer.data.layout,
        mapping: answer.data.mapping,
        sentByDefault: answer.data.sentByDefault,
      });
      setStale(false);
    });
  }

  function change(next: Options) {
    setOptions(next);
    setStale(true);
  }

  function runImport() {
    if (!file || !options) return;
    setError(null);
    startTransition(async () => {
      const answer = await runImportAction(formOf(file), options);
      if (!answer.ok) return setError(answer.message);
      setResult(answer.data);
    });
  }

  if (result) return <ImportDone result={result} />;
  const canImport = preview && options && !stale && preview.errorCount === 0 && !pending;
  return (
    <div className={styles.steps}>
      <section className="card" aria-labelledby="import-file-title">
        <h2 id="import-file-title">1. File</h2>
        <div className="field">
          <label htmlFor="import-file">File CSV o XLSX</label>
          <input
            id="import-file"
            type="file"
            className={styles.file}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              const chosen = e.target.files?.[0] ?? null;
              setFile(chosen);
              setPreview(null);
              setOptions(null);
              if (chosen) check(null, chosen);
            }}
          />
        </div>
        <FormError message={error} />
        {pending ? <p role="status">Lettura del file in corso…</p> : null}
      </section>
      {preview && options ? (
        <>
          <ImportMapping
            headers={preview.headers}
            layout={options.layout}
            mapping={options.mapping}
            sentByDefault={options.sentByDefault}
            onLayout={(layout) => change({ ...options, layout, mapping: guessMapping(layout, preview.headers) })}
            onMapping={(mapping) => change({ ...options, mapping })}
            onSentByDefault={(sentByDefault) => change({ ...options, sentByDefault })}
          />
          <section className="card" aria-labelledby="import-preview-title">
            <h2 id="import-preview-title">3. Anteprima e verifica</h2>
            {stale ? (
              <div className={styles.bar}>
                <p>Hai cambiato le colonne: aggiorna l&apos;anteprima prima di importare.</p>
                <button type="button" className="btn btn-primary" disabled={pending} onClick={() => check(options)}>
                  Aggiorna l&apos;anteprima
                </button>
              </div>
            ) : (
              <>
                <ImportSummary preview={preview} />
                <ImportErrors preview={preview} />
                <ImportSample preview={preview} />
              </>
            )}
            <div className={styles.bar}>
              <button type="button" className="btn btn-primary" disabled={!canImport} onClick={runImport}>
                {pending ? "Attendi…" : "Importa"}
              </button>
            </div>
          </section>
        </>
      ) : null}
    </div>
  );
}
