import { sameTotals, type ExpenseTotal } from "./totals";
import type { StsIdentity } from "./record";

/**
 * The comparison of one payment year between Parcella and STS ("Verifica su STS"). Pure: the caller reads both sides
 * (Parcella's documents; STS's ReportMensile rows, and InterrogazionePuntuale where the report cannot tell, e.g. a
 * cancelled document, which the report leaves out).
 */

/** What the practitioner must confirm, apart, before a document STS holds and Parcella does not know is cancelled. */
export const CANCEL_CONFIRMATION_MESSAGE =
  "Per annullare conferma di aver capito che il paziente perde la detrazione di questa spesa.";

/** A Parcella document as the comparison sees it. */
export type ParcellaSide = {
  invoiceId: string;
  kind: "invoice" | "credit_note";
  /** "12/2026" as printed. */
  label: string;
  /** The identity STS holds or should hold; null when it cannot have one (not numbered, bad P.IVA). */
  identity: StsIdentity | null;
  /** Issued documents belong on STS; voided ones must not be there (or be there cancelled). */
  expected: "present" | "absent";
  /** What Parcella believes STS holds: true once an I/V/R was accepted (or the document was adopted). */
  believedHeld: boolean;
  /** Amounts per expense type Parcella would send now. */
  totals: ExpenseTotal[];
  /** Whether Parcella can send it at all now (eligible: payment date, patient CF, credentials…). */
  sendable: boolean;
};

/** What STS holds for an identity: present (with its amounts) or cancelled; its payment date and protocollo when the
 * answer carries them. */
export type StsSide = {
  identity: StsIdentity;
  status: "present" | "cancelled";
  totals: ExpenseTotal[];
  paymentDate?: string | null;
  protocollo?: string | null;
};

export type DifferenceKind =
  | "missing_on_sts"
  | "refund_missing"
  | "cancelled_on_sts"
  | "amount_different"
  | "void_still_on_sts"
  | "unknown_to_parcella";

/** The one-click fix of a difference. */
export type Fix =
  /** Send the document (an I, or an R for a credit note). */
  | "send"
  /** Send a variazione with Parcella's amounts. */
  | "send_variazione"
  /** Send the cancellation of a voided document. */
  | "send_cancellation"
  /** Record the STS document as already sent (linked to the invoice with its identity, or imported). */
  | "adopt"
  /** Nothing to send from here: the document needs a correction first (opened from the row). */
  | "open";

export type Difference = {
  kind: DifferenceKind;
  identity: StsIdentity | null;
  invoiceId: string | null;
  label: string;
  fix: Fix;
  parcellaTotals: ExpenseTotal[];
  stsTotals: ExpenseTotal[];
  /** For a document STS holds: its payment date and protocollo there, when known (kept when it is adopted). */
  stsPaymentDate?: string | null;
  stsProtocollo?: string | null;
};

export function compareWithSts(parcella: readonly ParcellaSide[], sts: readonly StsSide[]): Difference[] {
  const onSts = new Map(sts.map((s) => [s.identity, s]));
  const known = new Set<StsIdentity>();
  const differences: Difference[] = [];
  for (const doc of parcella) {
    if (doc.identity) known.add(doc.identity);
    const held = doc.identity ? onSts.get(doc.identity) : undefined;
    const base = {
      identity: doc.identity,
      invoiceId: doc.invoiceId,
      label: doc.label,
      parcellaTotals: doc.totals,
      stsTotals: held?.totals ?? [],
    };
    if (doc.expected === "absent") {
      if (held?.status === "present")
        differences.push({ ...base, kind: "void_still_on_sts", fix: "send_cancellation" });
      continue;
    }
    if (!held) {
      const kind = doc.kind === "credit_note" ? "refund_missing" : "missing_on_sts";
      differences.push({ ...base, kind, fix: doc.sendable || doc.believedHeld ? "send" : "open" });
    } else if (held.status === "cancelled") {
      differences.push({ ...base, kind: "cancelled_on_sts", fix: "open" });
    } else if (!doc.believedHeld) {
      // On STS with this identity, but Parcella never recorded sending it (sent by hand, or by another program):
      // adopted, it is never sent again; its amounts are compared from then on.
      differences.push({ ...base, kind: "unknown_to_parcella", fix: "adopt" });
    } else if (doc.kind === "invoice" && !sameTotals(doc.totals, held.totals)) {
      differences.push({ ...base, kind: "amount_different", fix: "send_variazione" });
    }
  }
  for (const held of sts) {
    if (known.has(held.identity) || held.status !== "present") continue;
    differences.push({
      kind: "unknown_to_parcella",
      identity: held.identity,
      invoiceId: null,
      label: numDocumentoOf(held.identity),
      fix: "adopt",
      parcellaTotals: [],
      stsTotals: held.totals,
      stsPaymentDate: held.paymentDate ?? null,
      stsProtocollo: held.protocollo ?? null,
    });
  }
  return differences;
}

function numDocumentoOf(identity: StsIdentity) {
  return identity.split("|")[3] ?? identity;
}

/**
 * The automatic minimum date to suggest to a practitioner starting mid-year: the day after the last document STS
 * already holds (what was sent by hand or by another program is never sent again), or null when STS holds nothing.
 */
export function suggestedMinimumDate(issueDates: readonly string[]): string | null {
  if (issueDates.length === 0) return null;
  const last = [...issueDates].sort().at(-1)!;
  const next = new Date(`${last}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
