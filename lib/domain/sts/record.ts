import type { IsoDate } from "../dates";

/**
 * What STS holds for one document and where its transmission stands: plain serialisable data the app stores per
 * invoice, changed only by `transition`. The derived dot (to send, accepted, …) lives in status.ts.
 *
 * Transitions (anything else throws InvalidStsTransition):
 *
 *   idle | rejected | failed  --send_started-->             sending
 *   sending                   --upload_accepted-->          awaiting_outcome   (async upload got a protocollo)
 *   sending | uncertain       --portal_upload_confirmed-->  awaiting_outcome   (manual upload on the STS portal)
 *   sending | awaiting_outcome --accepted-->                idle               (held updated, attempt cleared)
 *   sending | awaiting_outcome --rejected-->                rejected           (held unchanged)
 *   uncertain                 --rejected-->                 rejected           (asked again, STS refused the record)
 *   sending                   --failed-->                   failed             (nothing reached STS)
 *   sending                   --outcome_unknown-->          uncertain          (may have reached STS)
 *   uncertain                 --resolved_as_sent-->         awaiting_outcome with a protocollo, else idle as accepted
 *                                                           (with the warnings STS gave, if it was asked again)
 *   uncertain                 --resolved_as_not_sent-->     idle               (attempt dropped: send again)
 *   idle | rejected | failed  --reconciled-->               idle               (held set to what STS was found to
 *                                                           hold: an adopted document, one STS lost, or one whose
 *                                                           content there differs — version -1, so a V is due)
 *
 * "No duplicates, ever" (docs/STS-TRANSMISSION.md, "Exactly once") is enforced here, not only by callers: no attempt
 * starts while one is in flight or uncertain, and send_started refuses an operation that cannot be right against what
 * STS holds (I/R while STS holds anything for the document — a renumber must cancel the old identity first; I/R of an
 * identity STS cancelled; V/C of an identity STS does not hold).
 */

/** Insert, change (variazione), cancel, refund (rimborso: a credit note). */
export const STS_OPERATIONS = ["I", "V", "C", "R"] as const;
export type StsOperation = (typeof STS_OPERATIONS)[number];

/** `pIva|dataEmissione|dispositivo|numDocumento`: the idDocumentoFiscale key of docs/STS-PROTOCOL.md §10.1. */
export type StsIdentity = string;

export type StsCodeRef = { code: string; severity: "error" | "warning" | "info"; message?: string };

export const STS_PHASES = ["idle", "sending", "awaiting_outcome", "rejected", "failed", "uncertain"] as const;
export type StsPhase = (typeof STS_PHASES)[number];

export type StsFailure = "transient" | "credentials" | "permanent";

export type StsHeld = { identity: StsIdentity; version: number; operation: StsOperation; warnings: StsCodeRef[] };

export type StsAttempt = {
  operation: StsOperation;
  identity: StsIdentity;
  version: number;
  submissionId: string;
  codes: StsCodeRef[];
  failure?: StsFailure;
  /** Set once STS gave one (upload accepted, portal upload, or found while resolving an uncertain attempt). */
  protocollo?: string;
};

export type StsRecord = {
  /** What STS holds now, after an accepted I/V/R; null = nothing (never sent, or cancelled). */
  held: StsHeld | null;
  /** Identities STS accepted a C for: never inserted again (see status.ts for why). */
  cancelled: StsIdentity[];
  phase: StsPhase;
  /** The attempt in flight, or the last unsuccessful one; null when idle. */
  attempt: StsAttempt | null;
};

// Frozen so that no caller can change the shared default by mistake.
export const EMPTY_RECORD: StsRecord = Object.freeze({
  held: null,
  cancelled: Object.freeze([]) as unknown as StsIdentity[],
  phase: "idle",
  attempt: null,
});

export type StsEvent =
  | { type: "send_started"; operation: StsOperation; identity: StsIdentity; version: number; submissionId: string }
  | { type: "upload_accepted"; protocollo: string }
  | { type: "accepted"; warnings: StsCodeRef[] }
  | { type: "rejected"; codes: StsCodeRef[] }
  | { type: "failed"; failure: StsFailure; codes?: StsCodeRef[] }
  | { type: "outcome_unknown" }
  | { type: "resolved_as_sent"; protocollo?: string; warnings?: StsCodeRef[] }
  | { type: "resolved_as_not_sent" }
  | { type: "portal_upload_confirmed"; protocollo: string }
  /** The reconciliation with STS (ReportMensile, InterrogazionePuntuale) found what it holds for the document. */
  | { type: "reconciled"; held: StsHeld | null };

export type StsEventType = StsEvent["type"];

// A Record over the union makes the compiler refuse a new event type until it is listed here (and the
// transition table test then demands a row for it in every phase).
const EVENT_TYPES: Record<StsEventType, true> = {
  send_started: true,
  upload_accepted: true,
  accepted: true,
  rejected: true,
  failed: true,
  outcome_unknown: true,
  resolved_as_sent: true,
  resolved_as_not_sent: true,
  portal_upload_confirmed: true,
  reconciled: true,
};
export const STS_EVENT_TYPES = Object.keys(EVENT_TYPES) as StsEventType[];

export class InvalidStsTransition extends Error {
  readonly code = "invalid_sts_transition";
  constructor(
    readonly phase: StsPhase,
    readonly eventType: StsEventType,
    readonly detail: string,
  ) {
    super(`STS: ${eventType} is not allowed while ${phase} (${detail})`);
    this.name = "InvalidStsTransition";
  }
}

const PIVA = /^\d{11}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// numDocType (docs/STS-PROTOCOL.md §9): it never contains the "|" separator.
const NUM_DOCUMENTO = /^[A-Za-z0-9_./\\-]{1,20}$/;
const DISPOSITIVO_FATTURA = "1"; // "vale 1 per ricevute/fatture" (docs/STS-PROTOCOL.md §9)

export function stsIdentity(parts: { pIva: string; issueDate: IsoDate; numDocumento: string }): StsIdentity {
  const { pIva, issueDate, numDocumento } = parts;
  if (!PIVA.test(pIva)) throw new RangeError(`STS identity: P.IVA must be 11 digits, got "${pIva}"`);
  if (!ISO_DATE.test(issueDate))
    throw new RangeError(`STS identity: issue date must be yyyy-mm-dd, got "${issueDate}"`);
  if (!NUM_DOCUMENTO.test(numDocumento)) {
    throw new RangeError(`STS identity: numDocumento must match [A-Za-z0-9_./\\-]{1,20}, got "${numDocumento}"`);
  }
  return [pIva, issueDate, DISPOSITIVO_FATTURA, numDocumento].join("|");
}

/** The idDocumentoFiscale fields of an identity, for the XML file (idSpesa, idRimborso). */
export function parseStsIdentity(identity: StsIdentity): {
  pIva: string;
  issueDate: IsoDate;
  dispositivo: number;
  numDocumento: string;
} {
  const [pIva, issueDate, dispositivo, numDocumento, ...rest] = identity.split("|");
  if (
    rest.length > 0 ||
    !PIVA.test(pIva ?? "") ||
    !ISO_DATE.test(issueDate ?? "") ||
    !/^\d{1,3}$/.test(dispositivo ?? "") ||
    !NUM_DOCUMENTO.test(numDocumento ?? "")
  ) {
    throw new RangeError(`not an STS identity: "${identity}"`);
  }
  return { pIva, issueDate, dispositivo: Number(dispositivo), numDocumento };
}

/** The one way an StsRecord changes. Pure: returns a new record, never mutates its input. */
export function transition(record: StsRecord, event: StsEvent): StsRecord {
  const refuse = (detail: string): never => {
    throw new InvalidStsTransition(record.phase, event.type, detail);
  };
  const inPhase = (...phases: StsPhase[]): StsAttempt => {
    if (!phases.includes(record.phase) || record.attempt === null) {
      refuse(`only from ${phases.join(" or ")}`);
    }
    return record.attempt as StsAttempt;
  };

  switch (event.type) {
    case "send_started": {
      if (record.phase !== "idle" && record.phase !== "rejected" && record.phase !== "failed") {
        refuse("another attempt is in flight or unresolved");
      }
      const problem = operationProblem(record, event.operation, event.identity);
      if (problem) refuse(problem);
      const { operation, identity, version, submissionId } = event;
      return { ...record, phase: "sending", attempt: { operation, identity, version, submissionId, codes: [] } };
    }
    case "upload_accepted": {
      const attempt = inPhase("sending");
      return { ...record, phase: "awaiting_outcome", attempt: { ...attempt, protocollo: event.protocollo } };
    }
    case "portal_upload_confirmed": {
      const attempt = inPhase("sending", "uncertain");
      return { ...record, phase: "awaiting_outcome", attempt: { ...attempt, protocollo: event.protocollo } };
    }
    case "accepted":
      return applyAccepted(record, inPhase("sending", "awaiting_outcome"), event.warnings);
    case "rejected": {
      // From uncertain: the resolution sent the same record again and STS refused it for its content, so the
      // first attempt was refused too (or never arrived): either way STS does not hold it.
      const attempt = inPhase("sending", "awaiting_outcome", "uncertain");
      return { ...record, phase: "rejected", attempt: { ...attempt, codes: event.codes } };
    }
    case "failed": {
      const attempt = inPhase("sending");
      return { ...record, phase: "failed", attempt: { ...attempt, codes: event.codes ?? [], failure: event.failure } };
    }
    case "outcome_unknown":
      return { ...record, phase: "uncertain", attempt: inPhase("sending") };
    case "resolved_as_sent": {
      const attempt = inPhase("uncertain");
      // Without a protocollo there is no outcome to wait for: STS was found holding the attempt (S017 to the
      // same I, or a query), so it counts as accepted, with the warnings of the answer when there were any.
      if (event.protocollo === undefined) return applyAccepted(record, attempt, event.warnings ?? []);
      return { ...record, phase: "awaiting_outcome", attempt: { ...attempt, protocollo: event.protocollo } };
    }
    case "resolved_as_not_sent":
      inPhase("uncertain");
      return { ...record, phase: "idle", attempt: null };
    case "reconciled":
      // Only between attempts: what an attempt in flight or in doubt did is settled by its own outcome first.
      if (record.phase !== "idle" && record.phase !== "rejected" && record.phase !== "failed") {
        refuse("an attempt is in flight or unresolved");
      }
      return { ...record, held: event.held, phase: "idle", attempt: null };
    default: {
      const unknown: never = event;
      throw new Error(`unknown STS event ${JSON.stringify(unknown)}`);
    }
  }
}

/** Whether STS has accepted an operation on the document: it holds it, or held and cancelled it. */
export function hasBeenHeld(record: StsRecord): boolean {
  return record.held !== null || record.cancelled.length > 0;
}

/**
 * Whether the document's number and date are locked: STS holds it (or held and cancelled it), or an attempt that
 * may have reached STS is not settled yet. A new date or number would be a new identity on STS, so it is corrected
 * by voiding the document and issuing a new one ("Annulla e riemetti"), never by editing it.
 */
export function isIdentityLocked(record: StsRecord): boolean {
  if (hasBeenHeld(record)) return true;
  return record.phase === "sending" || record.phase === "awaiting_outcome" || record.phase === "uncertain";
}

function operationProblem(record: StsRecord, operation: StsOperation, identity: StsIdentity): string | null {
  switch (operation) {
    case "I":
    case "R":
      if (record.held !== null) return `STS already holds ${record.held.identity}: V it, or C it first`;
      if (record.cancelled.includes(identity)) return `STS cancelled ${identity}: it is not inserted again`;
      return null;
    case "V":
    case "C":
      return record.held?.identity === identity ? null : `STS does not hold ${identity}`;
    default: {
      const unknown: never = operation;
      throw new Error(`unknown STS operation ${String(unknown)}`);
    }
  }
}

function applyAccepted(record: StsRecord, attempt: StsAttempt, warnings: StsCodeRef[]): StsRecord {
  const { operation, identity, version } = attempt;
  if (operation === "C") {
    const held = record.held?.identity === identity ? null : record.held;
    const cancelled = record.cancelled.includes(identity) ? record.cancelled : [...record.cancelled, identity];
    return { held, cancelled, phase: "idle", attempt: null };
  }
  return { ...record, held: { identity, version, operation, warnings }, phase: "idle", attempt: null };
}

export type StsDocumentFacts = {
  kind: "invoice" | "credit_note";
  status: "draft" | "issued" | "void";
  patient: { kind: "person" | "company"; foreign: boolean; codiceFiscale: string | null };
  opposition: boolean;
  /** Sum of the STS items (health expense); 0 → not applicable. */
  healthAmountCents: number;
  paymentDate: IsoDate | null;
  issueDate: IsoDate;
  /** Current identity: after a renumber or re-date it differs from held.identity. */
  identity: StsIdentity;
  /** Current content version, bumped on every STS-relevant change. */
  version: number;
  credentialsConfigured: boolean;
  /** Credit notes: the original invoice, and whether STS holds it. */
  creditedInvoice: { identity: StsIdentity; held: boolean } | null;
};

export type StsPendingOperation = { operation: StsOperation; identity: StsIdentity; refundOf?: StsIdentity };
