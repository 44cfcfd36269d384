"use client";

import { useEffect, useRef } from "react";
import styles from "./invoices.module.css";

type Props = { numberLabel: string; newYear: string; pending: boolean; onConfirm: () => void; onCancel: () => void };

// What "Annulla e riemetti" will do, said before it is done: the confirmation the practitioner must give.
export function ReissueConfirmation({ numberLabel, newYear, pending, onConfirm, onCancel }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section
      className={styles.confirm}
      role="alertdialog"
      aria-labelledby="reissue-confirm-title"
      aria-describedby="reissue-confirm-text"
      data-testid="reissue-confirmation"
    >
      <h2 id="reissue-confirm-title" tabIndex={-1} ref={heading}>
        Confermi «Annulla e riemetti»?
      </h2>
      <ul id="reissue-confirm-text">
        <li>
          La fattura n. {numberLabel} sarà annullata e al Sistema TS ne sarà inviata la cancellazione. Il numero{" "}
          {numberLabel} non sarà più usato.
        </li>
        <li>
          Sarà emessa una nuova fattura con il prossimo numero del {newYear} e i dati di questo modulo, collegata a
          quella annullata.
        </li>
        <li>
          Le due andranno al Sistema TS insieme: con «Invia ora» dalla nuova fattura, oppure con l&apos;invio
          automatico.
        </li>
      </ul>
      <div className={styles.buttons}>
        <button type="button" className="btn btn-danger" disabled={pending} onClick={onConfirm}>
          Conferma: annulla e riemetti
        </button>
        <button type="button" className="btn btn-secondary" disabled={pending} onClick={onCancel}>
          Indietro
        </button>
      </div>
    </section>
  );
}
