"use client";

import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendRemindersAction } from "@/app/(app)/posta/actions";
import { FormError, FormNotice } from "@/components/ui/form-message";

type Row = {
  id: string;
  number: string;
  date: string;
  patient: string;
  email: string | null;
  amount: string;
  lastReminder: string | null;
};

export function ReminderList({ rows }: { rows: Row[] }) {
  const router = useRouter();
  const [selected, setSelected] = useState<string[]>([]);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function send(ids: string[]) {
    setPending(true);
    setMessage(null);
    setNotice(null);
    const result = await sendRemindersAction(ids);
    setPending(false);
    if (!result.ok) return setMessage(result.message);
    const { outcomes, skipped } = result.data;
    const sent = outcomes.filter((o) => o.status === "sent").length;
    const kept = outcomes.filter((o) => o.status === "outbox").length;
    const failed = outcomes.filter((o) => o.status === "queued");
    const parts = [
      sent ? `${sent === 1 ? "1 promemoria inviato" : `${sent} promemoria inviati`}` : null,
      kept ? `${kept} nella posta in uscita (nessun server di posta configurato)` : null,
      ...skipped.map((s) => `fattura ${s.number} saltata: ${s.reason}`),
    ].filter(Boolean);
    if (parts.length) setNotice(`${parts.join("; ")}.`);
    if (failed.length) setMessage(`${failed.length} non inviati, restano in coda: ${failed[0].error}`);
    setSelected([]);
    router.refresh();
  }

  if (rows.length === 0) return <p>Nessuna fattura da sollecitare.</p>;
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  return (
    <>
      <FormError message={message} />
      <FormNotice message={notice} />
      <p>
        <button
          type="button"
          className="btn btn-primary"
          disabled={pending || selected.length === 0}
          onClick={() => send(selected)}
        >
          Invia il promemoria alle selezionate ({selected.length})
        </button>
      </p>
      <ul className="message-list" aria-label="Fatture da sollecitare">
        {rows.map((r) => (
          <li key={r.id} className="card" data-testid="overdue-invoice">
            <p>
              <input
                type="checkbox"
                id={`remind-${r.id}`}
                checked={selected.includes(r.id)}
                onChange={() => toggle(r.id)}
              />{" "}
              <label htmlFor={`remind-${r.id}`}>
                Fattura {r.number} del {r.date} · {r.patient} · {r.amount}
              </label>
            </p>
            <p>
              {r.email ? `E-mail: ${r.email}` : "Nessun indirizzo e-mail nella scheda del paziente"}
              {r.lastReminder ? ` · ultimo promemoria il ${r.lastReminder}` : ""} ·{" "}
              <Link href={`/fatture/${r.id}`}>apri la fattura</Link>
            </p>
            <button
              type="button"
              className="btn btn-secondary"
              disabled={pending || !r.email}
              onClick={() => send([r.id])}
            >
              Invia promemoria
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
