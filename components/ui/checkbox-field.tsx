import type { ReactNode } from "react";
import styles from "./choice.module.css";

type CheckboxFieldProps = {
  id: string;
  name?: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
};

// A checkbox with its label beside it and an optional hint below, linked for screen readers.
export function CheckboxField({ id, name, label, checked, onChange, hint }: CheckboxFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <span className={styles.check}>
        <input
          type="checkbox"
          id={id}
          name={name ?? id}
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={hintId}
        />
        <label htmlFor={id}>{label}</label>
      </span>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}
