import type { ListedMessage } from "@/lib/data/mail";
import { RetryButton } from "./retry-button";

const KIND_LABELS: Record<string, string> = {
  invoice: "Fattura",
  reminder: "Promemoria",
  statement: "Riepilogo spese",
};

const dateTime = new Intl.DateTimeFormat("it-IT", {
  timeZone: "Europe/Rome",
  dateStyle: "short",
  timeStyle: "short",
});

export function messageStatusLabel(m: Pick<ListedMessage, "status" | "lastError">): string {
  if (m.status === "sent") return "Inviata";
  if (m.status === "outbox") return "Nella posta in uscita (nessun server di posta configurato)";
  return m.lastError ? "Non inviata" : "In coda";
}

/** Each sending: when, to whom, what, outcome and error; failed or outbox messages can be sent again. */
export function MessageList({ messages, showSubject = true }: { messages: ListedMessage[]; showSubject?: boolean }) {
  if (messages.length === 0) return <p>Nessun messaggio.</p>;
  return (
    <ul className="message-list" aria-label="Messaggi">
      {messages.map((m) => (
        <li key={m.id} className="card" data-testid="mail-message" data-status={m.status}>
          <p>
            <strong>{KIND_LABELS[m.kind] ?? m.kind}</strong> a {m.toAddress} · {dateTime.format(m.createdAt)}
            {m.sentAt ? ` · inviata ${dateTime.format(m.sentAt)}` : ""}
          </p>
          {showSubject ? <p>Oggetto: {m.subject}</p> : null}
          <p className={m.status === "queued" && m.lastError ? "form-error" : undefined}>
            {messageStatusLabel(m)}
            {m.status === "queued" && m.lastError ? `: ${m.lastError}` : ""}
            {m.attempts > 1 ? ` (tentativi: ${m.attempts})` : ""}
          </p>
          {showSubject ? (
            <details>
              <summary>Testo{m.attachmentName ? ` e allegato (${m.attachmentName})` : ""}</summary>
              <pre className="message-body">{m.body}</pre>
            </details>
          ) : null}
          {m.status !== "sent" ? (
            <RetryButton messageId={m.id} label={m.status === "outbox" ? "Invia ora" : "Riprova"} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
