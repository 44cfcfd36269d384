import { validateCodiceFiscale } from "../codice-fiscale";
import { formatItalianDate, isoToUtcMillis, type IsoDate } from "../dates";
import type { StsDocumentFacts, StsIdentity, StsPendingOperation } from "./record";

/**
 * Whether STS should hold this document at all: an issued health expense of a private person. When it should not
 * (draft, void, company patient, no health amount) and STS holds something, that something is cancelled.
 */
export function shouldStsHold(facts: StsDocumentFacts): boolean {
  return facts.status === "issued" && facts.patient.kind === "person" && facts.healthAmountCents > 0;
}

/**
 * The dataPagamento sent to STS. A refund (R) must carry dataPagamento = dataEmissione of the refund document
 * (docs/STS-PROTOCOL.md §9, §10.2), so a credit note's payment date is its issue date whatever the form says.
 */
export function stsPaymentDate(facts: Pick<StsDocumentFacts, "kind" | "issueDate" | "paymentDate">): IsoDate | null {
  return facts.kind === "credit_note" ? facts.issueDate : facts.paymentDate;
}

/** The grey dot's reason when only the account's STS credentials are missing: the UI links it to the settings. */
export const CREDENTIALS_MISSING_REASON = "Configura le credenziali STS";

/** A patient without an Italian codice fiscale: the document is never sent, so nothing is "to send" either. */
export const FOREIGN_PATIENT_REASON = "Paziente straniero senza codice fiscale: non va inviato";

/**
 * Why the pending operations cannot be sent yet, in Italian for the grey dot, or null when they can. The first
 * reason wins, document problems before the (account-wide) credentials. A C needs only the credentials: it sends
 * the identity alone, so the document's content does not matter.
 */
export function findNotEligibleReason(
  facts: StsDocumentFacts,
  pending: StsPendingOperation[],
  cancelled: StsIdentity[],
  today: IsoDate,
): string | null {
  if (pending.some((op) => op.operation !== "C")) {
    const reason = documentReason(facts, today);
    if (reason) return reason;
    // A refund is accepted only while STS holds the refunded original (docs/STS-PROTOCOL.md §10.2); a V of a refund STS
    // already holds does not depend on it.
    if (pending.some((op) => op.operation === "R") && facts.creditedInvoice?.held === false) {
      return "Invia prima la fattura originale";
    }
    const inserts = pending.some((op) => op.operation === "I" || op.operation === "R");
    if (inserts && cancelled.includes(facts.identity)) {
      return "STS ha già cancellato un documento con questo numero e questa data: usa «Annulla e riemetti» per inviarlo con un nuovo numero";
    }
  }
  if (pending.length > 0 && !facts.credentialsConfigured) return CREDENTIALS_MISSING_REASON;
  return null;
}

function documentReason(facts: StsDocumentFacts, today: IsoDate): string | null {
  // A patient without an Italian codice fiscale has no 730 for the expense to reach, with or without opposition.
  if (facts.patient.foreign) return FOREIGN_PATIENT_REASON;
  if (!facts.opposition) {
    // With opposition the CF is left out of the record (docs/STS-PROTOCOL.md §10.3), so only without it does the CF
    // matter.
    const cf = facts.patient.codiceFiscale?.trim() ?? "";
    if (cf === "") return "Manca il codice fiscale del paziente";
    const checked = validateCodiceFiscale(cf, { today: middayUtc(today) });
    if (!checked.ok) return `Codice fiscale del paziente non valido: ${checked.message}`;
  }
  const paymentDate = stsPaymentDate(facts);
  if (paymentDate === null) return "Manca la data di pagamento";
  if (paymentDate > today) {
    return `La data di pagamento (${formatItalianDate(paymentDate)}) è nel futuro: si potrà inviare da quel giorno`;
  }
  if (facts.kind === "credit_note" && facts.creditedInvoice === null) {
    return "Collega la nota di credito alla fattura originale";
  }
  return null;
}

// validateCodiceFiscale reads its clock as an instant in Europe/Rome; noon UTC is the same calendar day there.
function middayUtc(date: IsoDate): Date {
  return new Date(isoToUtcMillis(date) + 12 * 3_600_000);
}
