import type { PasswordExpiryLevel } from "@/lib/services/sts-settings/password-expiry";
import styles from "./sts-settings.module.css";

export type PasswordAgeProps = {
  setOn: string;
  ageDays: number;
  expiresOn: string;
  daysLeft: number;
  level: PasswordExpiryLevel;
};

const days = (n: number) => (n === 1 ? "1 giorno" : `${n} giorni`);

// The STS password expires about every two months: say how old it is and warn before, not after.
export function PasswordAge({ setOn, ageDays, expiresOn, daysLeft, level }: PasswordAgeProps) {
  const age = ageDays === 0 ? "oggi" : `${days(ageDays)} fa`;
  if (level === "expired") {
    return (
      <p className={styles.ageExpired} role="alert" data-testid="password-age">
        Password impostata il {setOn} ({age}): probabilmente è scaduta il {expiresOn}. Cambiala sul portale Sistema TS e
        inserisci qui quella nuova.
      </p>
    );
  }
  if (level === "warning") {
    return (
      <p className={styles.ageWarning} role="status" data-testid="password-age">
        La password scade tra {days(daysLeft)} (il {expiresOn}). Cambiala sul portale Sistema TS prima della scadenza e
        aggiornala qui, così gli invii non si fermano.
      </p>
    );
  }
  return (
    <p className={`hint ${styles.age}`} data-testid="password-age">
      Password impostata il {setOn} ({age}). Scadenza stimata: {expiresOn}, tra {days(daysLeft)}.
    </p>
  );
}
