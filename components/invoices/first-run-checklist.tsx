import Link from "@/components/ui/link";
import type { FirstRunSteps } from "@/lib/services/profile/first-run-steps";
import styles from "./invoices.module.css";

const STEPS: { key: keyof FirstRunSteps; title: string; text: string; href: string; action: string }[] = [
  {
    key: "profile",
    title: "Completa il profilo",
    text: "Anagrafica, partita IVA, regime fiscale e cassa: sono i dati stampati in fattura.",
    href: "/impostazioni/profilo",
    action: "Vai al profilo",
  },
  {
    key: "stsCredentials",
    title: "Inserisci le credenziali del Sistema TS",
    text: "Codice fiscale, password e PIN del portale Sistema TS, per inviare le spese dei pazienti.",
    href: "/impostazioni/sts",
    action: "Vai alle credenziali",
  },
  {
    key: "firstInvoice",
    title: "Emetti la prima fattura",
    text: "Scegli o crea il paziente, indica la prestazione e il pagamento.",
    href: "/fatture/nuova",
    action: "Nuova fattura",
  },
];

// The three first steps, in order, until all are done; then the dashboard shows only the figures.
export function FirstRunChecklist({ steps }: { steps: FirstRunSteps }) {
  const done = STEPS.filter((s) => steps[s.key]).length;
  if (done === STEPS.length) return null;
  const next = STEPS.find((s) => !steps[s.key]);
  return (
    <section className={`card ${styles.checklist}`} aria-labelledby="first-run-heading" data-testid="first-run">
      <h2 id="first-run-heading">Per iniziare</h2>
      <p className={styles.muted}>
        {done} di {STEPS.length} passi fatti.
      </p>
      <ol>
        {STEPS.map((step) => (
          <li key={step.key} data-done={steps[step.key]}>
            <span className={styles.checkMark} aria-hidden="true">
              {steps[step.key] ? "✓" : ""}
            </span>
            <span>
              <strong>{step.title}</strong>
              <span className="visually-hidden">{steps[step.key] ? " (fatto)" : " (da fare)"}</span>
              <br />
              <span className={styles.muted}>{step.text}</span>
              {step === next ? (
                <>
                  <br />
                  <Link href={step.href}>{step.action}</Link>
                </>
              ) : null}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
