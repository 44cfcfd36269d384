"use client";

import { useEffect, useId, useState } from "react";
import { searchPatientsAction } from "@/app/(app)/fatture/actions";
import styles from "./invoices.module.css";

export type PickedPatient = { id: string; name: string; codiceFiscale: string | null; opposesSts: boolean };

// Search-as-you-type patient picker: results come from the server, scoped to the practitioner.
export function PatientPicker(props: {
  value: PickedPatient | null;
  onChange: (patient: PickedPatient | null) => void;
  errors?: string[];
}) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<PickedPatient[]>([]);
  const errorId = props.errors?.length ? `${id}-error` : undefined;

  useEffect(() => {
    if (props.value) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      const result = await searchPatientsAction(query);
      if (!cancelled && result.ok) setResults(result.data);
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query, props.value]);

  if (props.value) {
    return (
      <div className="field">
        <span className={styles.label}>Paziente</span>
        <div className={styles.pickedPatient} data-testid="picked-patient">
          <strong>{props.value.name}</strong>
          {props.value.codiceFiscale ? <span className={styles.muted}>{props.value.codiceFiscale}</span> : null}
          <button type="button" className="btn btn-secondary" onClick={() => props.onChange(null)}>
            Cambia paziente
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="field">
      <label htmlFor={`${id}-q`}>Paziente</label>
      <input
        id={`${id}-q`}
        type="search"
        placeholder="Cerca per cognome, nome o codice fiscale"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-invalid={Boolean(errorId)}
        aria-describedby={errorId}
        aria-controls={`${id}-results`}
        autoComplete="off"
      />
      <ul id={`${id}-results`} className={styles.pickerResults} aria-label="Pazienti trovati">
        {results.map((p) => (
          <li key={p.id}>
            <button type="button" className={styles.pickerOption} onClick={() => props.onChange(p)}>
              {p.name} {p.codiceFiscale ? <span className={styles.muted}>· {p.codiceFiscale}</span> : null}
            </button>
          </li>
        ))}
        {results.length === 0 ? <li className={styles.muted}>Nessun paziente trovato.</li> : null}
      </ul>
      {errorId ? (
        <p className="field-error" id={errorId} role="alert">
          {props.errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
