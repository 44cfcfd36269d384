import type { ReactNode } from "react";

type FieldProps = {
  id: string;
  label: string;
  errors?: string[];
  hint?: ReactNode;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
};

// A labelled form control with its hint and its errors right below it, wired for screen readers.
export function Field({ id, label, errors, hint, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": Boolean(errorId), "aria-describedby": describedBy })}
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {errorId ? (
        <p className="field-error" id={errorId} role="alert">
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
