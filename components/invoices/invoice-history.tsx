import { formatItalianDate } from "@/lib/domain/dates";
import styles from "./invoices.module.css";

const ACTIONS: Record<string, string> = {
  created: "Creata",
  issued: "Emessa",
  updated: "Modificata",
  paid: "Pagamento registrato",
  voided: "Annullata",
  reissued: "Annullata e riemessa con un nuovo numero",
  credit_note: "Emessa nota di credito",
};

const FIELDS: Record<string, string> = {
  patientId: "paziente",
  issueDate: "data",
  paymentDate: "data pagamento",
  paymentMethod: "metodo di pagamento",
  paidInAdvance: "pagamento anticipato",
  opposition: "opposizione STS",
  totalCents: "totale",
  bolloIdentifier: "identificativo bollo",
  notes: "note",
  lines: "righe",
  reason: "motivo",
  number: "numero",
  patient: "dati del paziente",
  codiceFiscale: "codice fiscale del paziente",
};

// The audit trail of the document: who changed what and when.
export function InvoiceHistory({
  events,
}: {
  events: { id: string; action: string; at: Date; changes: string | null }[];
}) {
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">Storico</h2>
      <ul className={styles.events}>
        {events.map((e) => {
          const changed = e.changes
            ? Object.keys(JSON.parse(e.changes) as object)
                .filter((k) => FIELDS[k])
                .map((k) => FIELDS[k])
            : [];
          return (
            <li key={e.id}>
              {formatItalianDate(e.at)}{" "}
              {e.at.toLocaleTimeString("it-IT", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Rome" })} ·{" "}
              {ACTIONS[e.action] ?? e.action}
              {e.action === "updated" && changed.length ? `: ${changed.join(", ")}` : ""}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
