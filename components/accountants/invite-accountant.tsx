"use client";

import { useState } from "react";
import { inviteAccountantAction } from "@/app/(app)/impostazioni/commercialista/actions";
import { FormError } from "@/components/ui/form-message";
import { formatItalianDate } from "@/lib/domain/dates";

// Creates an invitation link and shows it to copy. When an e-mail outbox exists, sending it can start here.
export function InviteAccountant() {
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [copied, setCopied] = useState(false);

  async function invite() {
    setPending(true);
    setError(null);
    setCopied(false);
    const result = await inviteAccountantAction();
    setPending(false);
    if (!result.ok) return setError(result.message);
    setLink({ url: `${window.location.origin}${result.data.path}`, expiresAt: result.data.expiresAt });
  }

  async function copy() {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied(true);
    } catch {
      setError("Copia non riuscita: seleziona il link e copialo a mano.");
    }
  }

  return (
    <div className="card">
      <h2>Invita il tuo commercialista</h2>
      <p>
        Crea un link e mandalo al tuo commercialista: con il suo account potrà consultare fatture, note di credito e
        ricevute STS, senza poter modificare nulla. Il link vale una sola volta, fino alla scadenza.
      </p>
      <button type="button" className="btn btn-primary" onClick={invite} disabled={pending}>
        {pending ? "Creazione…" : "Crea link di invito"}
      </button>
      <FormError message={error} />
      {link ? (
        <div data-testid="invitation-link">
          <label htmlFor="invitation-url">
            Link di invito (scade il {formatItalianDate(new Date(link.expiresAt))})
          </label>
          <input id="invitation-url" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" className="btn btn-secondary" onClick={copy}>
            {copied ? "Copiato" : "Copia link"}
          </button>
        </div>
      ) : null}
    </div>
  );
}
