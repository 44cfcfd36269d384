import styles from "./invoices.module.css";

type Props = {
  mode: "new" | "draft" | "issued";
  reissuing: boolean;
  lock?: { reissueBlocked: string | null };
  pending: boolean;
  onDraft: () => void;
  /** Enters (true) or leaves (false) the "Annulla e riemetti" mode of an invoice STS holds. */
  onReissue: (on: boolean) => void;
};

// The invoice form's buttons: issue or save a draft; save an issued invoice, or correct its number and date with
// "Annulla e riemetti" when STS holds it (disabled, with the reason, while it cannot be done).
export function InvoiceFormButtons({ mode, reissuing, lock, pending, onDraft, onReissue }: Props) {
  if (mode !== "issued") {
    return (
      <div className={styles.buttons}>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          Emetti fattura
        </button>
        <button type="button" className="btn btn-secondary" disabled={pending} onClick={onDraft}>
          Salva bozza
        </button>
      </div>
    );
  }
  if (reissuing) {
    return (
      <div className={styles.buttons}>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          Annulla e riemetti
        </button>
        <button type="button" className="btn btn-secondary" disabled={pending} onClick={() => onReissue(false)}>
          Torna alla modifica
        </button>
      </div>
    );
  }
  return (
    <div className={styles.buttons}>
      <button type="submit" className="btn btn-primary" disabled={pending}>
        Salva modifiche
      </button>
      {lock ? (
        <button
          type="button"
          className="btn btn-secondary"
          disabled={pending || lock.reissueBlocked !== null}
          aria-describedby={lock.reissueBlocked ? "reissue-blocked" : undefined}
          onClick={() => onReissue(true)}
        >
          Annulla e riemetti…
        </button>
      ) : null}
      {lock?.reissueBlocked ? (
        <p id="reissue-blocked" className={styles.muted}>
          {lock.reissueBlocked}
        </p>
      ) : null}
    </div>
  );
}
