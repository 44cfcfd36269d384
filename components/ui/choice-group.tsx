import styles from "./choice.module.css";

type Choice = { value: string; label: string; description?: string };

type ChoiceGroupProps = {
  name: string;
  legend: string;
  choices: Choice[];
  value: string;
  onChange: (value: string) => void;
  errors?: string[];
  className?: string;
};

// Radio buttons in a fieldset, each with an optional one-line explanation; errors are announced and linked.
export function ChoiceGroup({ name, legend, choices, value, onChange, errors, className }: ChoiceGroupProps) {
  const errorId = errors?.length ? `${name}-error` : undefined;
  return (
    <fieldset className={["field", styles.group, className].filter(Boolean).join(" ")} aria-describedby={errorId}>
      <legend className={styles.legend}>{legend}</legend>
      {choices.map((choice) => {
        const id = `${name}-${choice.value}`;
        return (
          <div key={choice.value} className={styles.option}>
            <input
              type="radio"
              id={id}
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              aria-describedby={choice.description ? `${id}-desc` : undefined}
            />
            <span>
              <label htmlFor={id}>{choice.label}</label>
              {choice.description ? (
                <span className={`hint ${styles.description}`} id={`${id}-desc`}>
                  {choice.description}
                </span>
              ) : null}
            </span>
          </div>
        );
      })}
      {errorId ? (
        <p className="field-error" id={errorId} role="alert">
          {errors!.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
