import Link from "next/link";
import { db } from "@/lib/db";
import { formatItalianDate } from "@/lib/domain/dates";
import { paymentYearDeadlines } from "@/lib/services/sts/deadlines";

function countdown(daysLeft: number): string {
  if (daysLeft < 0) return `scaduta da ${-daysLeft} ${daysLeft === -1 ? "giorno" : "giorni"}`;
  if (daysLeft === 0) return "scade oggi";
  return `tra ${daysLeft} ${daysLeft === 1 ? "giorno" : "giorni"}`;
}

// The STS deadline of each payment year that still has documents to send or to fix.
export async function DeadlineBanner({ practitionerId }: { practitionerId: string }) {
  const years = (await paymentYearDeadlines({ db: db(), practitionerId })).filter(
    (y) => y.toSend + y.sending + y.awaitingOutcome + y.rejected + y.notEligible > 0,
  );
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
            {[
              y.toSend ? (
                <Link key="to_send" href={`/fatture?sts=to_send`}>
                  {y.toSend} da inviare
                </Link>
              ) : null,
              y.sending ? (
                <Link key="sending" href={`/fatture?sts=sending`}>
                  {y.sending} in corso di invio
                </Link>
              ) : null,
              y.awaitingOutcome ? (
                <Link key="awaiting_outcome" href={`/fatture?sts=awaiting_outcome`}>
                  {y.awaitingOutcome} in attesa dell&apos;esito
                </Link>
              ) : null,
            ]
              .filter(Boolean)
              .flatMap((link, i) => (i === 0 ? [link] : [", ", link]))}
            {y.rejected ? (
              <>
                , <Link href={`/fatture?sts=rejected`}>{y.rejected} scartate o non riuscite</Link>
              </>
            ) : null}
            {y.notEligible ? (
              <>
                , <Link href={`/fatture?sts=not_eligible`}>{y.notEligible} non inviabili</Link>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
