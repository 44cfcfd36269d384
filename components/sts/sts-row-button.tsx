"use client";

import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useDisclosure } from "@/components/ui/use-disclosure";
import { sendNowAction, stsEligibilityAction } from "@/app/(app)/fatture/actions";
import styles from "./sts.module.css";

type Eligibility = { label: string; reason: string | null; pending: string[]; sendable: boolean };

// The yellow STS action button of an eligible invoice: send now, check eligibility, download the XML, history.
export function StsRowButton({ invoiceId, label }: { invoiceId: string; label: string }) {
  const router = useRouter();
  const { open, close, rootRef, buttonRef, buttonProps, panelProps } = useDisclosure<HTMLSpanElement>();
  const panelId = panelProps.id;
  // On a phone the list scrolls sideways inside its box: bring the opened actions into view.
  useEffect(() => {
    if (open) document.getElementById(panelId)?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [open, panelId]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [eligibility, setEligibility] = useState<Eligibility | null>(null);

  async function sendNow() {
    close();
    setBusy(true);
    setMessage("Invio in corso…");
    const result = await sendNowAction(invoiceId);
    setBusy(false);
    if (!result.ok) return setMessage(result.message);
    const texts: Record<string, string> = {
      accepted: "Accettato dal Sistema TS.",
      accepted_with_warnings: "Accettato con segnalazioni: vedi l'elenco invii.",
      rejected: "Scartato dal Sistema TS: vedi l'elenco invii.",
      failed: result.data.message ?? "Invio non riuscito.",
      uncertain: "Esito incerto: verrà verificato automaticamente, senza duplicati.",
    };
    // "Annulla e riemetti" (or a document that needed two operations): more than one operation went.
    const sent = result.data.documents.length;
    const together: Record<string, string> = {
      accepted: "tutte accettate dal Sistema TS.",
      accepted_with_warnings: "accettate, con segnalazioni: vedi l'elenco invii.",
      rejected: "almeno una scartata dal Sistema TS: vedi l'elenco invii.",
      failed: `almeno una non riuscita: ${result.data.message ?? "riprova più tardi."}`,
      uncertain: "l'esito di almeno una è incerto: verrà verificato automaticamente, senza duplicati.",
    };
    setMessage(
      sent > 1
        ? `${sent} operazioni inviate insieme, ${together[result.data.outcome] ?? ""}`
        : (texts[result.data.outcome] ?? null),
    );
    router.refresh();
  }

  async function check() {
    close();
    setBusy(true);
    const result = await stsEligibilityAction(invoiceId);
    setBusy(false);
    if (result.ok) setEligibility(result.data);
    else setMessage(result.message);
  }

  return (
    <span className={styles.rowAction} ref={rootRef}>
      <button ref={buttonRef} {...buttonProps} className={styles.yellowButton} aria-label={`Azioni STS per ${label}`}>
        STS ▾
      </button>
      {open ? (
        <ul className={styles.menu} {...panelProps}>
          <li>
            <button type="button" disabled={busy} onClick={sendNow}>
              Invia ora
            </button>
          </li>
          <li>
            <button type="button" disabled={busy} onClick={check}>
              Verifica idoneità
            </button>
          </li>
          <li>
            <a href={`/fatture/file-sts?ids=${invoiceId}&format=xml`}>Scarica XML</a>
          </li>
          <li>
            <Link href={`/fatture/${invoiceId}#sts-heading`}>Storico invii</Link>
          </li>
        </ul>
      ) : null}
      {message ? (
        <span className={styles.note} role="status">
          {message}
        </span>
      ) : null}
      {eligibility ? (
        <span className={styles.note} role="status">
          {eligibility.label}
          {eligibility.reason
            ? `: ${eligibility.reason}`
            : eligibility.pending.length
              ? `: ${eligibility.pending.join("; ")}`
              : ""}
        </span>
      ) : null}
    </span>
  );
}
