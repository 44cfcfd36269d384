import Link from "@/components/ui/link";
import { fieldsOf } from "@/lib/domain/import/columns";
import { formatItalianDate } from "@/lib/domain/dates";
import type { ImportPreview } from "@/lib/services/import/preview-import";
import type { ImportResult } from "@/lib/services/import/run-import";

export function ImportSummary({ preview }: { preview: ImportPreview }) {
  const invoices = preview.layout === "invoices";
  return (
    <ul data-testid="import-summary">
      <li>{preview.rowCount} righe lette</li>
      {invoices ? <li>{preview.newInvoices} fatture da importare</li> : null}
      {invoices && preview.unchangedInvoices > 0 ? (
        <li>{preview.unchangedInvoices} fatture già presenti (restano come sono)</li>
      ) : null}
      <li>{preview.newPatients} pazienti nuovi</li>
      {preview.unchangedPatients > 0 ? <li>{preview.unchangedPatients} pazienti già presenti</li> : null}
    </ul>
  );
}

export function ImportSample({ preview }: { preview: ImportPreview }) {
  const fields = fieldsOf(preview.layout);
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Prime righe del file</caption>
        <thead>
          <tr>
            <th scope="col">Riga</th>
            {fields.map((f) => (
              <th scope="col" key={f.key}>
                {f.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.sample.map((row) => (
            <tr key={row.line}>
              <td className="num">{row.line}</td>
              {row.values.map((value, i) => (
                <td key={i}>{value}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ImportErrors({ preview }: { preview: ImportPreview }) {
  if (preview.errorCount === 0) return null;
  return (
    <>
      <div role="alert">
        <h3>
          {preview.errorCount === 1 ? "1 riga ha errori" : `${preview.errorCount} righe hanno errori`}: correggi il file
          e caricalo di nuovo.
        </h3>
      </div>
      {preview.errorCount > preview.errors.length ? <p>Sono mostrate le prime {preview.errors.length}.</p> : null}
      <div className="table-wrap">
        <table className="table" data-testid="import-errors">
          <caption className="visually-hidden">Errori per riga</caption>
          <thead>
            <tr>
              <th scope="col">Riga</th>
              <th scope="col">Errori</th>
            </tr>
          </thead>
          <tbody>
            {preview.errors.map((error) => (
              <tr key={error.line}>
                <td className="num">{error.line}</td>
                <td>{error.messages.join(" · ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function ImportDone({ result }: { result: ImportResult }) {
  return (
    <section className="card" aria-labelledby="import-done-title" data-testid="import-done">
      <h2 id="import-done-title">Importazione completata</h2>
      <p role="status">
        Importate {result.createdInvoices} fatture e {result.createdPatients} pazienti
        {result.unchangedInvoices + result.unchangedPatients > 0
          ? ` (${result.unchangedInvoices} fatture e ${result.unchangedPatients} pazienti erano già presenti)`
          : ""}
        .
      </p>
      {result.suggestedMinimumDate ? (
        <p>
          Data minima suggerita per l&apos;invio automatico:{" "}
          <strong>{formatItalianDate(result.suggestedMinimumDate)}</strong> (il giorno dopo l&apos;ultima fattura già
          inviata a STS). Impostala in <Link href="/impostazioni/sts">Sistema Tessera Sanitaria</Link>, poi controlla
          con <Link href="/invii/verifica">Verifica su STS</Link> che STS abbia davvero le fatture segnate come inviate:
          quelle che non ha compaiono come differenze.
        </p>
      ) : null}
      <p>
        <Link href="/fatture">Vai alle fatture</Link>
      </p>
    </section>
  );
}
