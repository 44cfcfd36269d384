"use client";

import type { FieldErrors } from "@/components/ui/field-errors";
import { ExpenseTypeOptions } from "./expense-type-options";
import { newLine, type LineValues } from "./line-values";
import styles from "./invoices.module.css";

export type { LineValues };

function LineError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {errors.join(" ")}
    </p>
  );
}

// The invoice's rows: each field's error shows under it ("lines.2.unitPrice").
export function InvoiceLinesEditor(props: {
  lines: LineValues[];
  onChange: (lines: LineValues[]) => void;
  errors: FieldErrors;
  pensionFundLabel: string;
  /** The profile's profession: its usual expense types are offered first. */
  profession: string;
}) {
  const { lines, onChange, errors } = props;
  const update = (index: number, patch: Partial<LineValues>) =>
    onChange(lines.map((line, i) => (i === index ? { ...line, ...patch } : line)));

  return (
    <fieldset className="field">
      <legend className={styles.label}>Prestazioni</legend>
      <div className={styles.lines}>
        {lines.map((line, i) => {
          const err = (field: string) => errors[`lines.${i}.${field}`];
          const inputProps = (field: string) => ({
            id: `line-${i}-${field}`,
            "aria-invalid": Boolean(err(field)?.length),
            "aria-describedby": err(field)?.length ? `line-${i}-${field}-error` : undefined,
          });
          return (
            <div className={styles.line} key={line.key} data-testid={`line-${i}`}>
              <div className="field">
                <label htmlFor={`line-${i}-description`}>Descrizione</label>
                <textarea
                  {...inputProps("description")}
                  value={line.description}
                  rows={1}
                  onChange={(e) => update(i, { description: e.target.value })}
                />
                <LineError id={`line-${i}-description-error`} errors={err("description")} />
              </div>
              <div className="field">
                <label htmlFor={`line-${i}-quantity`}>Quantità</label>
                <input
                  {...inputProps("quantity")}
                  inputMode="numeric"
                  value={line.quantity}
                  onChange={(e) => update(i, { quantity: e.target.value })}
                />
                <LineError id={`line-${i}-quantity-error`} errors={err("quantity")} />
              </div>
              <div className="field">
                <label htmlFor={`line-${i}-unitPrice`}>Prezzo (€)</label>
                <input
                  {...inputProps("unitPrice")}
                  inputMode="decimal"
                  placeholder="70,00"
                  value={line.unitPrice}
                  onChange={(e) => update(i, { unitPrice: e.target.value })}
                />
                <LineError id={`line-${i}-unitPrice-error`} errors={err("unitPrice")} />
              </div>
              <div className="field">
                <label htmlFor={`line-${i}-expenseType`}>Tipo spesa STS</label>
                <select
                  {...inputProps("expenseType")}
                  value={line.expenseType}
                  onChange={(e) => update(i, { expenseType: e.target.value as LineValues["expenseType"] })}
                >
                  <ExpenseTypeOptions profession={props.profession} />
                </select>
              </div>
              <div className={styles.lineActions}>
                <label>
                  <input
                    type="checkbox"
                    checked={line.pensionFund}
                    onChange={(e) => update(i, { pensionFund: e.target.checked })}
                  />{" "}
                  {props.pensionFundLabel}
                </label>
                {lines.length > 1 ? (
                  <button type="button" className="btn-link" onClick={() => onChange(lines.filter((_, j) => j !== i))}>
                    Rimuovi riga
                  </button>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
      <LineError id="lines-error" errors={errors.lines} />
      <div>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => onChange([...lines, newLine({ description: "" })])}
        >
          + Aggiungi riga
        </button>
      </div>
    </fieldset>
  );
}
