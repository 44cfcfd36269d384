"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendNowAction, stsEligibilityAction } from "@/app/(app)/fatture/actions";
import styles from "./sts.module.css";

type Eligibility = { label: string; reason: string | null; pending: string[]; sendable: boolean };

// The yellow STS action button of an eligible invoice: send now, check eligibility, download the XML, history.
export function StsRowButton({ invoiceId, label }: { invoiceId: string; label: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [eligibility, setEligibility] = useState<Eligibility | null>(null);

  async function sendNow() {
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
    setBusy(true);
    const result = await stsEligibilityAction(invoiceId);
    setBusy(false);
    if (result.ok) setEligibility(result.data);
    else setMessage(result.message);
  }

  return (
    <span className={styles.rowAction}>
      <button
        type="button"
        className={styles.yellowButton}
        aria-expanded={open}
        aria-label={`Azioni STS per ${label}`}
        onClick={() => setOpen(!open)}
      >
        STS ▾
      </button>
      {open ? (
        <span className={styles.menu} role="menu">
          <button type="button" role="menuitem" disabled={busy} onClick={sendNow}>
            Invia ora
          </button>
          <button type="button" role="menuitem" disabled={busy} onClick={check}>
            Verifica idoneità
          </button>
          <a role="menuitem" href={`/fatture/file-sts?ids=${invoiceId}&format=xml`}>
            Scarica XML
          </a>
          <Link role="menuitem" href={`/fatture/${invoiceId}#sts-heading`}>
            Storico invii
          </Link>
        </span>
      ) : null}
      {message ? (
        <span className={styles.note} role="status">
          {message}
        </span>
      ) : null}
      {eligibility ? (
        <span className={styles.note} role="status">
          {eligibility.label}
          {eligibility.reason ? `: ${eligibility.reason}` : ""}
          {eligibility.pending.length ? ` — da inviare: ${eligibility.pending.join("; ")}` : ""}
        </span>
      ) : null}
    </span>
  );
}
