import Link from "next/link";
import { db } from "@/lib/db";
import { explainStsStatus } from "@/lib/services/sts/explain-sts-status";
import { invoiceStsHistory } from "@/lib/services/sts/invoice-sts-history";
import { operationLabel } from "@/lib/services/sts-log/labels";
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

// The invoice's STS section: its state in words ("Perché non è idonea?"), what would be sent, and its history.
export async function InvoiceStsPanel({
  practitionerId,
  invoiceId,
  label,
}: {
  practitionerId: string;
  invoiceId: string;
  label: string;
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
        {status.sendable ? <StsRowButton invoiceId={invoiceId} label={label} /> : null}
      </p>
      {status.pending.length && status.state !== "not_applicable" ? (
        <p>Da inviare: {status.pending.join("; ")}.</p>
      ) : null}
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
