import { KIT_PSYCHOLOGIST } from "@/lib/sts/kit-test-user";
import styles from "./sts-settings.module.css";

// Only with the simulator and only until credentials are saved: lets a new user try the whole flow with the public test
// user of the STS kit (docs/STS-PROTOCOL.md §12). These are published test values, not anyone's secret.
export function KitUserHint() {
  return (
    <div className={styles.hintBox} data-testid="sts-kit-hint">
      <strong>Vuoi provare? Usa l&apos;utente di prova del simulatore</strong>
      <p>
        Codice fiscale <code>{KIT_PSYCHOLOGIST.cfProprietario}</code>, password <code>{KIT_PSYCHOLOGIST.password}</code>
        , PIN <code>{KIT_PSYCHOLOGIST.pincode}</code>. Con il simulatore nessuna fattura arriva al vero Sistema TS.
      </p>
    </div>
  );
}
