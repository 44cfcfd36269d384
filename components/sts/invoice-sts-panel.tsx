import Link from "@/components/ui/link";
import { db } from "@/lib/db";
import { FOREIGN_PATIENT_REASON } from "@/lib/domain/sts/eligibility";
import { explainStsStatus } from "@/lib/services/sts/explain-sts-status";
import { invoiceStsHistory } from "@/lib/services/sts/invoice-sts-history";
import { operationLabel } from "@/lib/presentation/sts-log/labels";
import { StsAutoRefresh } from "./sts-auto-refresh";
import { StsDot } from "./sts-dot";
import { StsRowButton } from "./sts-row-button";

const OUTCOMES: Record<string, string> = {
  pending: "in attesa dell'esito",
  accepted: "accettato",
  accepted_with_warnings: "accettato con segnalazioni",
  rejected: "scartato",
  failed: "non riuscito",
};

// What will go to STS, said so that it never contradicts the state above: "to send" only when it can be sent; a
// document waiting for a fix says what will go once fixed; one that is never sent (foreign patient) says nothing.
function PendingOperations({ status }: { status: { state: string; reason: string | null; pending: string[] } }) {
  if (status.pending.length === 0 || status.state === "not_applicable") return null;
  if (status.state === "not_eligible") {
    if (status.reason === FOREIGN_PATIENT_REASON) return null;
    return <p data-testid="sts-pending">Appena risolto, partirà: {status.pending.join("; ")}.</p>;
  }
  return <p data-testid="sts-pending">Operazioni da inviare: {status.pending.join("; ")}.</p>;
}

// The invoice's STS section: its state in words ("Perché non è idonea?"), what would be sent, and its history.
export async function InvoiceStsPanel({
  practitionerId,
  invoiceId,
  label,
  readOnly = false,
}: {
  practitionerId: string;
  invoiceId: string;
  label: string;
  readOnly?: boolean;
}) {
  const [status, history] = await Promise.all([
    explainStsStatus({ db: db(), practitionerId, invoiceId }),
    invoiceStsHistory({ db: db(), practitionerId, invoiceId }),
  ]);
  return (
    <section aria-labelledby="sts-heading">
      <h2 id="sts-heading">Sistema Tessera Sanitaria</h2>
      <StsAutoRefresh active={status.state === "sending" || status.state === "awaiting_outcome"} />
      <p data-testid="sts-status">
        <StsDot state={status.state} reason={status.reason} /> <strong>{status.label}</strong>
        {status.reason ? ` — ${status.state === "not_eligible" ? "perché non è idonea: " : ""}${status.reason}` : ""}
        {status.sendable && !readOnly ? <StsRowButton invoiceId={invoiceId} label={label} /> : null}
      </p>
      <PendingOperations status={status} />
      {status.codes.length ? (
        <ul>
          {status.codes.map((c) => (
            <li key={c.code}>
              <strong>{c.code}</strong> {c.explanation}
            </li>
          ))}
        </ul>
      ) : null}
      {history.length ? (
        <ul data-testid="sts-history">
          {history.map((h) => (
            <li key={h.id}>
              {h.submission.createdAt.toLocaleString("it-IT", { timeZone: "Europe/Rome" })} ·{" "}
              {operationLabel(h.operation)} · {OUTCOMES[h.outcome] ?? h.outcome}
              {h.submission.protocollo ? ` · protocollo ${h.submission.protocollo}` : ""} ·{" "}
              <Link href={`/invii/${h.submission.id}`}>dettagli</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
