"use client";

import { fieldsOf, type ColumnMapping, type ImportLayout } from "@/lib/domain/import/columns";
import styles from "./import.module.css";

type Props = {
  headers: string[];
  layout: ImportLayout;
  mapping: ColumnMapping;
  sentByDefault: boolean;
  onLayout: (layout: ImportLayout) => void;
  onMapping: (mapping: ColumnMapping) => void;
  onSentByDefault: (value: boolean) => void;
};

// Which column of the file feeds each field: recognised from the headers, changeable by hand.
export function ImportMapping(props: Props) {
  const { headers, layout, mapping } = props;
  const choose = (key: string, value: string) => {
    const next = { ...mapping };
    if (value === "") delete next[key];
    else next[key] = Number(value);
    props.onMapping(next);
  };
  return (
    <section className="card" aria-labelledby="import-mapping-title">
      <h2 id="import-mapping-title">2. Colonne</h2>
      <div className="field">
        <label htmlFor="import-layout">Il file contiene</label>
        <select
          id="import-layout"
          value={layout}
          onChange={(e) => props.onLayout(e.target.value === "patients" ? "patients" : "invoices")}
        >
          <option value="invoices">Fatture (una riga per fattura)</option>
          <option value="patients">Elenco di pazienti</option>
        </select>
      </div>
      <div className={styles.mapping}>
        {fieldsOf(layout).map((field) => (
          <div className="field" key={field.key}>
            <label htmlFor={`import-col-${field.key}`}>
              {field.label}
              {field.required ? " *" : ""}
            </label>
            <select
              id={`import-col-${field.key}`}
              value={mapping[field.key] === undefined ? "" : String(mapping[field.key])}
              onChange={(e) => choose(field.key, e.target.value)}
            >
              <option value="">— non importare —</option>
              {headers.map((header, index) => (
                <option key={index} value={index}>
                  {header || `Colonna ${index + 1}`}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      {layout === "invoices" ? (
        <div className="field">
          <label className={styles.check}>
            <input
              type="checkbox"
              checked={props.sentByDefault}
              onChange={(e) => props.onSentByDefault(e.target.checked)}
            />
            Le fatture senza indicazione sono già state inviate a STS (non verranno inviate di nuovo)
          </label>
        </div>
      ) : null}
    </section>
  );
}
