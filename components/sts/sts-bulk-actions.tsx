"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { registerPortalUploadAction, sendSelectedAction } from "@/app/(app)/fatture/actions";
import { skippedText } from "./skipped-text";
import styles from "./sts.module.css";

// Bulk STS actions on the selected invoices: send them (batches of 25), or the manual portal fallback.
export function StsBulkActions({ ids }: { ids: string[] }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [portal, setPortal] = useState(false);
  const [protocollo, setProtocollo] = useState("");

  async function send() {
    setBusy(true);
    setMessage("Invio in corso…");
    const result = await sendSelectedAction(ids);
    setBusy(false);
    if (!result.ok) return setMessage(result.message);
    const { submissions, documents, problems, skipped } = result.data;
    const why = skippedText(skipped);
    const sent =
      submissions === 0
        ? "Nessuna delle fatture selezionate è da inviare."
        : `${documents === 1 ? "1 documento inviato" : `${documents} documenti inviati`} in ${submissions} ${submissions === 1 ? "lotto" : "lotti"}: l'esito arriverà a breve nell'elenco invii.`;
    setMessage([sent, ...problems, why].filter(Boolean).join(" "));
    router.refresh();
  }

  async function confirmPortal(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await registerPortalUploadAction(ids, protocollo);
    setBusy(false);
    if (!result.ok) return setMessage(result.fieldErrors?.protocollo?.[0] ?? result.message);
    setPortal(false);
    setMessage(
      `Protocollo registrato per ${result.data.documents} documenti: l'esito verrà verificato automaticamente.`,
    );
    router.refresh();
  }

  return (
    <>
      <button type="button" className={styles.yellowButton} disabled={busy} onClick={send}>
        Invia selezionate al Sistema TS
      </button>
      <a className="btn btn-secondary" href={`/fatture/file-sts?ids=${ids.join(",")}`}>
        Scarica ZIP per il portale
      </a>
      <button type="button" className="btn-link" onClick={() => setPortal(!portal)}>
        Ho caricato il file sul portale
      </button>
      {portal ? (
        <form className={styles.portal} onSubmit={confirmPortal}>
          <label htmlFor="portal-protocollo">Protocollo del portale</label>
          <input
            id="portal-protocollo"
            inputMode="numeric"
            value={protocollo}
            onChange={(e) => setProtocollo(e.target.value)}
            placeholder="17 cifre"
          />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Registra
          </button>
        </form>
      ) : null}
      {message ? (
        <span role="status" className={styles.note}>
          {message}
        </span>
      ) : null}
    </>
  );
}
