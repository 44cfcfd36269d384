import Link from "@/components/ui/link";
import { db } from "@/lib/db";
import { formatItalianDate } from "@/lib/domain/dates";
import { paymentYearDeadlines, type PaymentYearDeadline } from "@/lib/services/sts/deadlines";

function countdown(daysLeft: number): string {
  if (daysLeft < 0) return `scaduta da ${-daysLeft} ${daysLeft === -1 ? "giorno" : "giorni"}`;
  if (daysLeft === 0) return "scade oggi";
  return `tra ${daysLeft} ${daysLeft === 1 ? "giorno" : "giorni"}`;
}

// What a payment year still holds back, each count with the invoice list's STS filter that shows the same documents.
function counts(y: PaymentYearDeadline): { state: string; text: string }[] {
  return [
    { state: "to_send", count: y.toSend, text: `${y.toSend} da inviare` },
    { state: "sending", count: y.sending, text: `${y.sending} in corso di invio` },
    { state: "awaiting_outcome", count: y.awaitingOutcome, text: `${y.awaitingOutcome} in attesa dell'esito` },
    {
      state: "rejected",
      count: y.rejected,
      text: `${y.rejected} ${y.rejected === 1 ? "scartata o non riuscita" : "scartate o non riuscite"}`,
    },
    {
      state: "not_eligible",
      count: y.notEligible,
      text: `${y.notEligible} ${y.notEligible === 1 ? "non inviabile" : "non inviabili"}`,
    },
  ].filter((c) => c.count > 0);
}

// The STS deadline of each payment year that still has documents to send or to fix.
export async function DeadlineBanner({ practitionerId }: { practitionerId: string }) {
  const years = (await paymentYearDeadlines({ db: db(), practitionerId })).filter((y) => counts(y).length > 0);
  if (years.length === 0) return null;
  return (
    <div
      className="card"
      role="region"
      aria-label="Scadenze del Sistema Tessera Sanitaria"
      data-testid="deadline-banner"
      style={{ marginBottom: "1rem" }}
    >
      <strong>Scadenze di invio al Sistema TS</strong>
      <ul style={{ margin: "0.5rem 0 0", paddingLeft: "1.2rem" }}>
        {years.map((y) => (
          <li key={y.year} className={y.daysLeft < 0 ? "field-error" : undefined}>
            Spese pagate nel {y.year}: entro il {formatItalianDate(y.deadline)} ({countdown(y.daysLeft)}) —{" "}
            {counts(y)
              .map(({ state, text }) => (
                <Link key={state} href={`/fatture?sts=${state}`}>
                  {text}
                </Link>
              ))
              .flatMap((link, i) => (i === 0 ? [link] : [", ", link]))}
          </li>
        ))}
      </ul>
    </div>
  );
}
