import styles from "./sts-settings.module.css";

// Automatic sending stopped after STS refused the credentials (docs/STS-TRANSMISSION.md, "Failures"): say why and how
// it starts again.
export function PausedBanner({ reason, since }: { reason: string | null; since: string }) {
  return (
    <div className={styles.paused} role="alert" data-testid="sts-paused-banner">
      <strong>Invio automatico sospeso: {reason ?? "il Sistema TS ha rifiutato le credenziali."}</strong>
      <p>
        Sospeso dal {since}. Di solito la password è scaduta o è cambiato il PIN: aggiornali qui sotto (la password
        nuova la scegli sul portale Sistema TS), salva e premi «Verifica credenziali». Quando la verifica riesce
        l&apos;invio automatico riparte da solo, senza perdere le fatture in attesa.
      </p>
    </div>
  );
}
