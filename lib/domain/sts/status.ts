import type { IsoDate } from "../dates";
import { findNotEligibleReason, shouldStsHold } from "./eligibility";
import type { StsCodeRef, StsDocumentFacts, StsFailure, StsPendingOperation, StsRecord } from "./record";

export type { StsDocumentFacts, StsPendingOperation } from "./record";

/**
 * The STS state of a document (the dot: docs/STS-TRANSMISSION.md, state table) and the operations STS still needs,
 * derived from the document's facts and its StsRecord. Pure; `today` is the Italian calendar day.
 *
 * Rules, in the order they are applied:
 * 1. An attempt under way wins, whatever the document became since: phase sending → `sending`; awaiting_outcome →
 *    `awaiting_outcome`; uncertain → `sending` with reason "Esito in verifica" (never sendable: a crash between
 *    upload and saving the protocollo must be resolved before anything is sent again).
 * 2. Pending operations, from what STS holds against what it should hold. STS should hold an issued document of a
 *    private person with a health amount > 0. "Insert" is I for an invoice, R for a credit note (with refundOf = the
 *    original's identity; a V of a credit note carries refundOf too, since V resends the full record).
 *    - should not hold, holds something → [C of the held identity] (void; also a document that became not
 *      applicable after it was sent). Should not hold, holds nothing → `not_applicable`.
 *    - holds nothing → [insert]. Holds another identity (re-dated before dates were locked: isIdentityLocked now
 *      keeps them, and "Annulla e riemetti" issues a new document instead) → [C old, insert new], in that order;
 *      StsRecord refuses the insert until the C is accepted, and sends one attempt at a time.
 *    - holds this identity at an older version → [V]; at the current version → nothing.
 * 3. Nothing pending: held → `accepted`, or `accepted_with_warnings` when a held code has severity 'warning'.
 * 4. Something pending but not sendable → `not_eligible` (grey) with the first Italian reason (eligibility.ts):
 *    foreign patient — never sent, with or without opposition: without an Italian CF there is no 730 to feed;
 *    patient CF missing/invalid without opposition (with opposition the CF is not sent, docs/STS-PROTOCOL.md §10.3);
 *    payment date missing or in the future (a credit note's is its issue date, docs/STS-PROTOCOL.md §9); credit note
 *    not linked, or an R whose original STS does not hold; an I/R of an identity STS cancelled — docs/STS-PROTOCOL.md
 *    §10.2 shows STS remembers cancelled documents (W010) and §10.1 refuses a known identity (S017), and whether STS
 *    accepts a new I for a cancelled key is not documented, so Parcella never tries (renumber instead); credentials
 *    missing. A C needs only credentials.
 * 5. Phase rejected/failed for an attempt at the current version → `rejected` / `failed` (red) with its codes;
 *    the document changed since (version differs) → the user fixed something → `to_send`.
 *    A transient failure stays `failed` (red) until the worker's retry starts: the dot tells the truth (it did not
 *    get there) while `isSendable` lets the worker retry it.
 * 6. Otherwise → `to_send` (yellow) with `pending`.
 * `pending` is filled in every state but `not_applicable` (it tells what is in flight or blocked); act on it only
 * when `isSendable`.
 */

export const STS_STATES = [
  "not_applicable",
  "not_eligible",
  "to_send",
  "sending",
  "awaiting_outcome",
  "accepted",
  "accepted_with_warnings",
  "rejected",
  "failed",
] as const;
export type StsState = (typeof STS_STATES)[number];

export type StsStatus = {
  state: StsState;
  pending: StsPendingOperation[];
  reason: string | null;
  codes: StsCodeRef[];
  /** The kind of the last failure while the state is `failed`, else null. */
  failure: StsFailure | null;
};

export function deriveStsStatus(facts: StsDocumentFacts, record: StsRecord, today: IsoDate): StsStatus {
  const pending = pendingOperations(facts, record);
  const status = (state: StsState, reason: string | null = null, codes: StsCodeRef[] = []): StsStatus => ({
    state,
    pending,
    reason,
    codes,
    failure: null,
  });

  switch (record.phase) {
    case "sending":
      return status("sending");
    case "awaiting_outcome":
      return status("awaiting_outcome");
    case "uncertain":
      return status("sending", "Esito in verifica");
    case "idle":
    case "rejected":
    case "failed":
      break;
    default: {
      const unknown: never = record.phase;
      throw new Error(`unknown STS phase ${String(unknown)}`);
    }
  }

  if (pending.length === 0) {
    if (record.held === null) {
      // A voided document STS cancelled says so, instead of a bare "not subject to STS".
      const cancelled = facts.status === "void" && record.cancelled.length > 0;
      return status("not_applicable", cancelled ? "Cancellato dal Sistema TS" : null);
    }
    const warnings = record.held.warnings;
    const warned = warnings.some((code) => code.severity === "warning");
    return status(warned ? "accepted_with_warnings" : "accepted", null, warnings);
  }

  const reason = findNotEligibleReason(facts, pending, record.cancelled, today);
  if (reason !== null) return status("not_eligible", reason);

  const attempt = record.attempt;
  if (attempt !== null && attempt.version === facts.version) {
    if (record.phase === "rejected") return status("rejected", null, attempt.codes);
    if (record.phase === "failed")
      return { ...status("failed", null, attempt.codes), failure: attempt.failure ?? "transient" };
  }
  return status("to_send");
}

function pendingOperations(facts: StsDocumentFacts, record: StsRecord): StsPendingOperation[] {
  const held = record.held;
  if (!shouldStsHold(facts)) return held ? [{ operation: "C", identity: held.identity }] : [];

  const refundOf = facts.kind === "credit_note" ? facts.creditedInvoice?.identity : undefined;
  const withRefund = (op: StsPendingOperation): StsPendingOperation => (refundOf ? { ...op, refundOf } : op);
  const insert = withRefund({ operation: facts.kind === "credit_note" ? "R" : "I", identity: facts.identity });

  if (held === null) return [insert];
  if (held.identity !== facts.identity) return [{ operation: "C", identity: held.identity }, insert];
  if (held.version < facts.version) return [withRefund({ operation: "V", identity: facts.identity })];
  return [];
}

/**
 * Whether the worker may start an attempt now: `to_send`, or `failed` for a transient or credentials failure.
 * Credentials failures are retryable per document because the pause is account-wide: the sender stops while the
 * credentials are known bad and resumes once "Verifica credenziali" passes (docs/STS-TRANSMISSION.md, "Failures"). A
 * permanent failure and a rejection of the current version wait for the user; uncertain attempts are never sendable.
 */
export function isSendable(status: StsStatus): boolean {
  if (status.state === "to_send") return true;
  return status.state === "failed" && (status.failure === "transient" || status.failure === "credentials");
}

const LABELS: Record<StsState, string> = {
  not_applicable: "Non soggetto a STS",
  not_eligible: "Non inviabile",
  to_send: "Da inviare",
  sending: "Invio in corso",
  awaiting_outcome: "In attesa dell'esito",
  accepted: "Inviato – accettato",
  accepted_with_warnings: "Inviato – accettato con segnalazioni",
  rejected: "Inviato – scartato",
  failed: "Invio non riuscito",
};

export function stsStateLabel(state: StsState): string {
  return LABELS[state];
}
