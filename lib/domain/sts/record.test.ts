import { describe, expect, it } from "vitest";
import {
  EMPTY_RECORD,
  InvalidStsTransition,
  isIdentityLocked,
  STS_EVENT_TYPES,
  STS_PHASES,
  parseStsIdentity,
  stsIdentity,
  transition,
  type StsAttempt,
  type StsCodeRef,
  type StsEvent,
  type StsEventType,
  type StsPhase,
  type StsRecord,
} from "./record";

const X = stsIdentity({ pIva: "65498732105", issueDate: "2026-03-02", numDocumento: "12/2026" });
const Y = stsIdentity({ pIva: "65498732105", issueDate: "2026-03-05", numDocumento: "13/2026" });
const W003: StsCodeRef = { code: "W003", severity: "warning" };
const S011: StsCodeRef = { code: "S011", severity: "error" };
const E_TIMEOUT: StsCodeRef = { code: "timeout", severity: "error" };

/** The setting of every row: STS holds X at version 1, the attempt is a V of X at version 2. */
const HELD = { identity: X, version: 1, operation: "I" as const, warnings: [] };
const ATTEMPT: StsAttempt = { operation: "V", identity: X, version: 2, submissionId: "sub-1", codes: [] };

const RECORDS: Record<StsPhase, StsRecord> = {
  idle: { held: HELD, cancelled: [], phase: "idle", attempt: null },
  sending: { held: HELD, cancelled: [], phase: "sending", attempt: ATTEMPT },
  awaiting_outcome: { held: HELD, cancelled: [], phase: "awaiting_outcome", attempt: { ...ATTEMPT, protocollo: "P1" } },
  rejected: { held: HELD, cancelled: [], phase: "rejected", attempt: { ...ATTEMPT, codes: [S011] } },
  failed: {
    held: HELD,
    cancelled: [],
    phase: "failed",
    attempt: { ...ATTEMPT, codes: [E_TIMEOUT], failure: "transient" },
  },
  uncertain: { held: HELD, cancelled: [], phase: "uncertain", attempt: ATTEMPT },
};

const EVENTS: { [T in StsEventType]: Extract<StsEvent, { type: T }> } = {
  send_started: { type: "send_started", operation: "V", identity: X, version: 2, submissionId: "sub-2" },
  upload_accepted: { type: "upload_accepted", protocollo: "P1" },
  accepted: { type: "accepted", warnings: [W003] },
  rejected: { type: "rejected", codes: [S011] },
  failed: { type: "failed", failure: "transient", codes: [E_TIMEOUT] },
  outcome_unknown: { type: "outcome_unknown" },
  resolved_as_sent: { type: "resolved_as_sent", protocollo: "P2" },
  resolved_as_not_sent: { type: "resolved_as_not_sent" },
  portal_upload_confirmed: { type: "portal_upload_confirmed", protocollo: "P3" },
  reconciled: { type: "reconciled", held: { identity: Y, version: -1, operation: "I", warnings: [] } },
};
const RECONCILED: StsRecord = {
  held: { identity: Y, version: -1, operation: "I", warnings: [] },
  cancelled: [],
  phase: "idle",
  attempt: null,
};

const INVALID = "invalid" as const;
const V2_ACCEPTED: StsRecord = {
  held: { identity: X, version: 2, operation: "V", warnings: [W003] },
  cancelled: [],
  phase: "idle",
  attempt: null,
};
const NEW_ATTEMPT: StsAttempt = { ...ATTEMPT, submissionId: "sub-2" };
const record = (phase: StsPhase, attempt: StsAttempt | null): StsRecord => ({
  held: HELD,
  cancelled: [],
  phase,
  attempt,
});

// Every phase × every event: the next record, or INVALID (InvalidStsTransition).
const TABLE: [StsPhase, StsEventType, StsRecord | typeof INVALID][] = [
  ["idle", "send_started", record("sending", NEW_ATTEMPT)],
  ["idle", "upload_accepted", INVALID],
  ["idle", "accepted", INVALID],
  ["idle", "rejected", INVALID],
  ["idle", "failed", INVALID],
  ["idle", "outcome_unknown", INVALID],
  ["idle", "resolved_as_sent", INVALID],
  ["idle", "resolved_as_not_sent", INVALID],
  ["idle", "portal_upload_confirmed", INVALID],
  ["idle", "reconciled", RECONCILED],

  ["sending", "send_started", INVALID], // no second attempt while one is in flight
  ["sending", "upload_accepted", record("awaiting_outcome", { ...ATTEMPT, protocollo: "P1" })],
  ["sending", "accepted", V2_ACCEPTED], // synchronous reply
  ["sending", "rejected", record("rejected", { ...ATTEMPT, codes: [S011] })],
  ["sending", "failed", record("failed", { ...ATTEMPT, codes: [E_TIMEOUT], failure: "transient" })],
  ["sending", "outcome_unknown", record("uncertain", ATTEMPT)],
  ["sending", "resolved_as_sent", INVALID],
  ["sending", "resolved_as_not_sent", INVALID],
  ["sending", "portal_upload_confirmed", record("awaiting_outcome", { ...ATTEMPT, protocollo: "P3" })],
  ["sending", "reconciled", INVALID],

  ["awaiting_outcome", "send_started", INVALID],
  ["awaiting_outcome", "upload_accepted", INVALID],
  ["awaiting_outcome", "accepted", V2_ACCEPTED],
  ["awaiting_outcome", "rejected", record("rejected", { ...ATTEMPT, protocollo: "P1", codes: [S011] })],
  ["awaiting_outcome", "failed", INVALID], // it reached STS: only an outcome ends it
  ["awaiting_outcome", "outcome_unknown", INVALID],
  ["awaiting_outcome", "resolved_as_sent", INVALID],
  ["awaiting_outcome", "resolved_as_not_sent", INVALID],
  ["awaiting_outcome", "portal_upload_confirmed", INVALID],
  ["awaiting_outcome", "reconciled", INVALID],

  ["rejected", "send_started", record("sending", NEW_ATTEMPT)],
  ["rejected", "upload_accepted", INVALID],
  ["rejected", "accepted", INVALID],
  ["rejected", "rejected", INVALID],
  ["rejected", "failed", INVALID],
  ["rejected", "outcome_unknown", INVALID],
  ["rejected", "resolved_as_sent", INVALID],
  ["rejected", "resolved_as_not_sent", INVALID],
  ["rejected", "portal_upload_confirmed", INVALID],
  ["rejected", "reconciled", RECONCILED],

  ["failed", "send_started", record("sending", NEW_ATTEMPT)],
  ["failed", "upload_accepted", INVALID],
  ["failed", "accepted", INVALID],
  ["failed", "rejected", INVALID],
  ["failed", "failed", INVALID],
  ["failed", "outcome_unknown", INVALID],
  ["failed", "resolved_as_sent", INVALID],
  ["failed", "resolved_as_not_sent", INVALID],
  ["failed", "portal_upload_confirmed", INVALID],
  ["failed", "reconciled", RECONCILED],

  ["uncertain", "send_started", INVALID], // the "no duplicates, ever" rule
  ["uncertain", "upload_accepted", INVALID],
  ["uncertain", "accepted", INVALID],
  ["uncertain", "rejected", record("rejected", { ...ATTEMPT, codes: [S011] })], // asked again: STS refused the record
  ["uncertain", "failed", INVALID],
  ["uncertain", "outcome_unknown", INVALID],
  ["uncertain", "resolved_as_sent", record("awaiting_outcome", { ...ATTEMPT, protocollo: "P2" })],
  ["uncertain", "resolved_as_not_sent", record("idle", null)],
  ["uncertain", "portal_upload_confirmed", record("awaiting_outcome", { ...ATTEMPT, protocollo: "P3" })],
  ["uncertain", "reconciled", INVALID],
];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe("transition table", () => {
  it("has exactly one row for every phase × event type", () => {
    const expected = STS_PHASES.flatMap((phase) => STS_EVENT_TYPES.map((type) => `${phase}/${type}`)).sort();
    const rows = TABLE.map(([phase, type]) => `${phase}/${type}`).sort();
    expect(rows).toEqual(expected);
    expect(STS_EVENT_TYPES).toHaveLength(10);
    expect(STS_PHASES).toHaveLength(6);
  });

  it.each(TABLE)("%s + %s", (phase, type, expected) => {
    const before = deepFreeze(structuredClone(RECORDS[phase]));
    const event = EVENTS[type];
    if (expected === INVALID) {
      expect(() => transition(before, event)).toThrow(InvalidStsTransition);
      try {
        transition(before, event);
      } catch (error) {
        expect(error).toMatchObject({ code: "invalid_sts_transition", phase, eventType: type });
      }
    } else {
      expect(transition(before, event)).toEqual(expected); // frozen input: it would throw on mutation
    }
  });
});

describe("transition semantics", () => {
  const sending = (operation: StsAttempt["operation"], identity: string, base: StsRecord = EMPTY_RECORD) =>
    transition(base, { type: "send_started", operation, identity, version: 1, submissionId: "s" });

  it("accepted I sets held with its warnings", () => {
    const next = transition(sending("I", X), { type: "accepted", warnings: [W003] });
    expect(next).toEqual({
      held: { identity: X, version: 1, operation: "I", warnings: [W003] },
      cancelled: [],
      phase: "idle",
      attempt: null,
    });
  });

  it("accepted R holds the refund document as R", () => {
    const next = transition(sending("R", Y), { type: "accepted", warnings: [] });
    expect(next.held).toEqual({ identity: Y, version: 1, operation: "R", warnings: [] });
  });

  it("accepted C removes held and remembers the cancelled identity", () => {
    const held: StsRecord = { ...EMPTY_RECORD, held: HELD };
    const next = transition(sending("C", X, held), { type: "accepted", warnings: [] });
    expect(next).toEqual({ held: null, cancelled: [X], phase: "idle", attempt: null });
  });

  it("rejected keeps what STS held", () => {
    const held: StsRecord = { ...EMPTY_RECORD, held: HELD };
    const next = transition(sending("V", X, held), { type: "rejected", codes: [S011] });
    expect(next.held).toBe(HELD);
    expect(next.phase).toBe("rejected");
    expect(next.attempt?.codes).toEqual([S011]);
  });

  it("failed without codes records an empty list", () => {
    const next = transition(sending("I", X), { type: "failed", failure: "credentials" });
    expect(next.attempt).toMatchObject({ failure: "credentials", codes: [] });
  });

  it("resolved_as_sent without a protocollo counts as accepted (STS was found holding it)", () => {
    const uncertain = transition(sending("I", X), { type: "outcome_unknown" });
    expect(transition(uncertain, { type: "resolved_as_sent" })).toEqual({
      held: { identity: X, version: 1, operation: "I", warnings: [] },
      cancelled: [],
      phase: "idle",
      attempt: null,
    });
    const uncertainC = transition(sending("C", X, { ...EMPTY_RECORD, held: HELD }), { type: "outcome_unknown" });
    expect(transition(uncertainC, { type: "resolved_as_sent" })).toMatchObject({ held: null, cancelled: [X] });
  });

  it("resolved_as_sent keeps the warnings STS gave when it was asked again", () => {
    const uncertain = transition(sending("I", X), { type: "outcome_unknown" });
    expect(transition(uncertain, { type: "resolved_as_sent", warnings: [W003] }).held).toEqual({
      identity: X,
      version: 1,
      operation: "I",
      warnings: [W003],
    });
  });

  it.each([
    ["nothing, idle", EMPTY_RECORD, false],
    ["nothing, a first insert rejected", { ...EMPTY_RECORD, phase: "rejected", attempt: ATTEMPT }, false],
    ["nothing, a first insert failed", { ...EMPTY_RECORD, phase: "failed", attempt: ATTEMPT }, false],
    ["held", { ...EMPTY_RECORD, held: HELD }, true],
    ["cancelled before", { ...EMPTY_RECORD, cancelled: [X] }, true],
    ["a first insert in flight", { ...EMPTY_RECORD, phase: "sending", attempt: ATTEMPT }, true],
    ["a first insert awaiting its outcome", { ...EMPTY_RECORD, phase: "awaiting_outcome", attempt: ATTEMPT }, true],
    ["a first insert uncertain", { ...EMPTY_RECORD, phase: "uncertain", attempt: ATTEMPT }, true],
  ] as [string, StsRecord, boolean][])("isIdentityLocked: %s → %s", (_label, base, locked) => {
    expect(isIdentityLocked(base)).toBe(locked);
  });

  it("a new attempt replaces the codes and failure of the previous one", () => {
    const failed = transition(sending("I", X), { type: "failed", failure: "permanent", codes: [S011] });
    const again = transition(failed, {
      type: "send_started",
      operation: "I",
      identity: X,
      version: 2,
      submissionId: "t",
    });
    expect(again.attempt).toEqual({ operation: "I", identity: X, version: 2, submissionId: "t", codes: [] });
  });

  const refusals: [string, StsAttempt["operation"], string, StsRecord][] = [
    ["I while STS holds the same identity (would be S017)", "I", X, { ...EMPTY_RECORD, held: HELD }],
    ["I of a new identity before the old one is cancelled", "I", Y, { ...EMPTY_RECORD, held: HELD }],
    ["R while STS holds the document", "R", X, { ...EMPTY_RECORD, held: HELD }],
    ["I of a cancelled identity", "I", X, { ...EMPTY_RECORD, cancelled: [X] }],
    ["R of a cancelled identity", "R", X, { ...EMPTY_RECORD, cancelled: [X] }],
    ["V of nothing", "V", X, EMPTY_RECORD],
    ["C of nothing", "C", X, EMPTY_RECORD],
    ["V of another identity", "V", Y, { ...EMPTY_RECORD, held: HELD }],
    ["C of another identity", "C", Y, { ...EMPTY_RECORD, held: HELD }],
  ];
  it.each(refusals)("send_started refuses %s", (_label, operation, identity, base) => {
    expect(() => sending(operation, identity, base)).toThrow(InvalidStsTransition);
  });

  it("I of a new identity is allowed once the old one is cancelled (renumber)", () => {
    const afterC: StsRecord = { held: null, cancelled: [X], phase: "idle", attempt: null };
    expect(sending("I", Y, afterC).phase).toBe("sending");
  });

  it("EMPTY_RECORD cannot be changed by accident", () => {
    expect(Object.isFrozen(EMPTY_RECORD)).toBe(true);
    expect(Object.isFrozen(EMPTY_RECORD.cancelled)).toBe(true);
  });

  it("records survive a JSON round trip", () => {
    const next = transition(sending("I", X), { type: "upload_accepted", protocollo: "99260302000000001" });
    expect(JSON.parse(JSON.stringify(next))).toEqual(next);
  });
});

describe("stsIdentity", () => {
  it("joins P.IVA, issue date, dispositivo 1 and number", () => {
    expect(X).toBe("65498732105|2026-03-02|1|12/2026");
    expect(parseStsIdentity(X)).toEqual({
      pIva: "65498732105",
      issueDate: "2026-03-02",
      dispositivo: 1,
      numDocumento: "12/2026",
    });
  });

  it.each([
    [{ pIva: "1234567890", issueDate: "2026-03-02", numDocumento: "1" }],
    [{ pIva: "65498732105", issueDate: "02/03/2026", numDocumento: "1" }],
    [{ pIva: "65498732105", issueDate: "2026-03-02", numDocumento: "" }],
    [{ pIva: "65498732105", issueDate: "2026-03-02", numDocumento: "1|2" }],
    [{ pIva: "65498732105", issueDate: "2026-03-02", numDocumento: "123456789012345678901" }],
  ])("refuses %o", (parts) => {
    expect(() => stsIdentity(parts)).toThrow(RangeError);
  });

  it.each(["", "x", "65498732105|2026-03-02|1", "65498732105|2026-03-02|1|12/2026|x"])('parse refuses "%s"', (text) => {
    expect(() => parseStsIdentity(text)).toThrow(RangeError);
  });
});
