import { describe, expect, it } from "vitest";
import { EMPTY_RECORD, stsIdentity, transition, type StsAttempt, type StsCodeRef, type StsRecord } from "./record";
import {
  STS_STATES,
  deriveStsStatus,
  isSendable,
  stsStateLabel,
  type StsDocumentFacts,
  type StsPendingOperation,
  type StsState,
} from "./status";

const TODAY = "2026-03-10";
const ORIGINAL = stsIdentity({ pIva: "65498732105", issueDate: "2026-02-10", numDocumento: "7/2026" });
const X = stsIdentity({ pIva: "65498732105", issueDate: "2026-03-02", numDocumento: "12/2026" });
const Y = stsIdentity({ pIva: "65498732105", issueDate: "2026-03-05", numDocumento: "13/2026" });
const W003: StsCodeRef = { code: "W003", severity: "warning", message: "IL CF CITTADINO NON PRESENTE IN ARCHIVIO" };
const INFO: StsCodeRef = { code: "0", severity: "info", message: "Operazione eseguita correttamente" };
const S011: StsCodeRef = { code: "S011", severity: "error" };
const HTTP500: StsCodeRef = { code: "http500", severity: "error" };

const INVOICE: StsDocumentFacts = {
  kind: "invoice",
  status: "issued",
  patient: { kind: "person", foreign: false, codiceFiscale: "MTOMRA66A41G224M" },
  opposition: false,
  healthAmountCents: 7_000,
  paymentDate: "2026-03-02",
  issueDate: "2026-03-02",
  identity: X,
  version: 1,
  credentialsConfigured: true,
  creditedInvoice: null,
};
const CREDIT_NOTE: StsDocumentFacts = {
  ...INVOICE,
  kind: "credit_note",
  paymentDate: null,
  identity: Y,
  issueDate: "2026-03-05",
  creditedInvoice: { identity: ORIGINAL, held: true },
};

const person = (codiceFiscale: string | null, foreign = false) => ({ kind: "person" as const, foreign, codiceFiscale });
const held = (
  identity: string,
  version: number,
  warnings: StsCodeRef[] = [],
  operation: "I" | "V" | "R" = "I",
): StsRecord => ({
  held: { identity, version, operation, warnings },
  cancelled: [],
  phase: "idle",
  attempt: null,
});
const attempt = (version: number, extra: Partial<StsAttempt> = {}): StsAttempt => ({
  operation: "I",
  identity: X,
  version,
  submissionId: "sub-1",
  codes: [],
  ...extra,
});
const inPhase = (phase: StsRecord["phase"], a: StsAttempt, base: StsRecord = EMPTY_RECORD): StsRecord => ({
  ...base,
  phase,
  attempt: a,
});

const I_X: StsPendingOperation = { operation: "I", identity: X };
const R_Y: StsPendingOperation = { operation: "R", identity: Y, refundOf: ORIGINAL };

type Case = {
  name: string;
  facts: Partial<StsDocumentFacts>;
  base?: StsDocumentFacts;
  record: StsRecord;
  state: StsState;
  pending: StsPendingOperation[];
  reason?: string | null;
  codes?: StsCodeRef[];
  sendable: boolean;
};

const CASES: Case[] = [
  // not applicable
  {
    name: "draft",
    facts: { status: "draft" },
    record: EMPTY_RECORD,
    state: "not_applicable",
    pending: [],
    sendable: false,
  },
  {
    name: "company patient",
    facts: { patient: { kind: "company", foreign: false, codiceFiscale: "65498732105" } },
    record: EMPTY_RECORD,
    state: "not_applicable",
    pending: [],
    sendable: false,
  },
  {
    name: "no health amount",
    facts: { healthAmountCents: 0 },
    record: EMPTY_RECORD,
    state: "not_applicable",
    pending: [],
    sendable: false,
  },
  {
    name: "void, never held",
    facts: { status: "void" },
    record: EMPTY_RECORD,
    state: "not_applicable",
    pending: [],
    sendable: false,
  },
  {
    name: "void, cancelled on STS",
    facts: { status: "void", version: 3 },
    record: { ...EMPTY_RECORD, cancelled: [X] },
    state: "not_applicable",
    pending: [],
    reason: "Cancellato dal Sistema TS",
    sendable: false,
  },
  {
    name: "failed I, then voided",
    facts: { status: "void", version: 2 },
    record: inPhase("failed", attempt(1, { failure: "transient" })),
    state: "not_applicable",
    pending: [],
    sendable: false,
  },

  // not eligible: every reason
  {
    name: "no payment date",
    facts: { paymentDate: null },
    record: EMPTY_RECORD,
    state: "not_eligible",
    pending: [I_X],
    reason: "Manca la data di pagamento",
    sendable: false,
  },
  {
    name: "payment date in the future",
    facts: { paymentDate: "2026-03-11" },
    record: EMPTY_RECORD,
    state: "not_eligible",
    pending: [I_X],
    reason: "La data di pagamento (11/03/2026) è nel futuro: si potrà inviare da quel giorno",
    sendable: false,
  },
  {
    name: "CF missing, no opposition",
    facts: { patient: person(null) },
    record: EMPTY_RECORD,
    state: "not_eligible",
    pending: [I_X],
    reason: "Manca il codice fiscale del paziente",
    sendable: false,
  },
  {
    name: "CF blank, no opposition",
    facts: { patient: person("  ") },
    record: EMPTY_RECORD,
    state: "not_eligible",
    pending: [I_X],
    reason: "Manca il codice fiscale del paziente",
    sendable: false,
  },
  {
    name: "CF invalid, no opposition",
    facts: { patient: person("MTOMRA66A41G224X") },
    record: EMPTY_RECORD,
    state: "not_eligible",
    pending: [I_X],
    reason: "Codice fiscale del paziente non valido: Il carattere di controllo non è corretto",
    sendable: false,
  },
  {
    name: "foreign, no opposition",
    facts: { patient: person(null, true) },
    record: EMPTY_RECORD,
    state: "not_eligible",
    pending: [I_X],
    reason: "Paziente straniero senza codice fiscale: non va inviato",
    sendable: false,
  },
  {
    name: "foreign, with opposition: still never sent",
    facts: { patient: person(null, true), opposition: true },
    record: EMPTY_RECORD,
    state: "not_eligible",
    pending: [I_X],
    reason: "Paziente straniero senza codice fiscale: non va inviato",
    sendable: false,
  },
  {
    name: "credentials missing",
    facts: { credentialsConfigured: false },
    record: EMPTY_RECORD,
    state: "not_eligible",
    pending: [I_X],
    reason: "Configura le credenziali STS",
    sendable: false,
  },
  {
    name: "credentials missing, C pending",
    facts: { credentialsConfigured: false, status: "void", version: 2 },
    record: held(X, 1),
    state: "not_eligible",
    pending: [{ operation: "C", identity: X }],
    reason: "Configura le credenziali STS",
    sendable: false,
  },
  {
    name: "document problems come before credentials",
    facts: { credentialsConfigured: false, paymentDate: null },
    record: EMPTY_RECORD,
    state: "not_eligible",
    pending: [I_X],
    reason: "Manca la data di pagamento",
    sendable: false,
  },
  {
    name: "credit note, original not held",
    base: CREDIT_NOTE,
    facts: { creditedInvoice: { identity: ORIGINAL, held: false } },
    record: EMPTY_RECORD,
    state: "not_eligible",
    pending: [R_Y],
    reason: "Invia prima la fattura originale",
    sendable: false,
  },
  {
    name: "credit note, not linked",
    base: CREDIT_NOTE,
    facts: { creditedInvoice: null },
    record: EMPTY_RECORD,
    state: "not_eligible",
    pending: [{ operation: "R", identity: Y }],
    reason: "Collega la nota di credito alla fattura originale",
    sendable: false,
  },
  {
    name: "credit note dated in the future",
    base: CREDIT_NOTE,
    facts: { issueDate: "2026-03-20" },
    record: EMPTY_RECORD,
    state: "not_eligible",
    pending: [R_Y],
    reason: "La data di pagamento (20/03/2026) è nel futuro: si potrà inviare da quel giorno",
    sendable: false,
  },
  {
    name: "identity STS cancelled, issued again",
    facts: { version: 4 },
    record: { ...EMPTY_RECORD, cancelled: [X] },
    state: "not_eligible",
    pending: [I_X],
    reason:
      "STS ha già cancellato un documento con questo numero e questa data: usa «Annulla e riemetti» per inviarlo con un nuovo numero",
    sendable: false,
  },
  {
    name: "rejected, then credentials removed",
    facts: { credentialsConfigured: false },
    record: inPhase("rejected", attempt(1, { codes: [S011] })),
    state: "not_eligible",
    pending: [I_X],
    reason: "Configura le credenziali STS",
    sendable: false,
  },

  // opposition: the CF is not sent, so its absence or errors do not matter
  {
    name: "opposition without CF",
    facts: { opposition: true, patient: person(null) },
    record: EMPTY_RECORD,
    state: "to_send",
    pending: [I_X],
    sendable: true,
  },
  {
    name: "opposition with an invalid CF",
    facts: { opposition: true, patient: person("MTOMRA66A41G224X") },
    record: EMPTY_RECORD,
    state: "to_send",
    pending: [I_X],
    sendable: true,
  },
  {
    name: "opposition with a valid CF",
    facts: { opposition: true },
    record: EMPTY_RECORD,
    state: "to_send",
    pending: [I_X],
    sendable: true,
  },

  // pending operations
  { name: "I: never held", facts: {}, record: EMPTY_RECORD, state: "to_send", pending: [I_X], sendable: true },
  {
    name: "I: payment date today",
    facts: { paymentDate: TODAY },
    record: EMPTY_RECORD,
    state: "to_send",
    pending: [I_X],
    sendable: true,
  },
  {
    name: "V: held at an older version",
    facts: { version: 2 },
    record: held(X, 1),
    state: "to_send",
    pending: [{ operation: "V", identity: X }],
    sendable: true,
  },
  {
    name: "C: void and held",
    facts: { status: "void", version: 2 },
    record: held(X, 1),
    state: "to_send",
    pending: [{ operation: "C", identity: X }],
    sendable: true,
  },
  {
    name: "C: void and held, payment date gone (C sends only the id)",
    facts: { status: "void", version: 2, paymentDate: null, patient: person(null) },
    record: held(X, 1),
    state: "to_send",
    pending: [{ operation: "C", identity: X }],
    sendable: true,
  },
  {
    name: "C: became a company patient after sending",
    facts: { patient: { kind: "company", foreign: false, codiceFiscale: null }, version: 2 },
    record: held(X, 1),
    state: "to_send",
    pending: [{ operation: "C", identity: X }],
    sendable: true,
  },
  {
    name: "C+I: renumbered",
    facts: { identity: Y, version: 2 },
    record: held(X, 1),
    state: "to_send",
    pending: [
      { operation: "C", identity: X },
      { operation: "I", identity: Y },
    ],
    sendable: true,
  },
  {
    name: "I: renumbered, old identity already cancelled",
    facts: { identity: Y, version: 2 },
    record: { ...EMPTY_RECORD, cancelled: [X] },
    state: "to_send",
    pending: [{ operation: "I", identity: Y }],
    sendable: true,
  },
  {
    name: "void after a renumber: C of the held identity",
    facts: { identity: Y, version: 3, status: "void" },
    record: held(X, 1),
    state: "to_send",
    pending: [{ operation: "C", identity: X }],
    sendable: true,
  },
  {
    name: "R: credit note on a held invoice",
    base: CREDIT_NOTE,
    facts: {},
    record: EMPTY_RECORD,
    state: "to_send",
    pending: [R_Y],
    sendable: true,
  },
  {
    name: "V of a held credit note keeps refundOf, original no longer needed",
    base: CREDIT_NOTE,
    facts: { version: 2, creditedInvoice: { identity: ORIGINAL, held: false } },
    record: held(Y, 1, [], "R"),
    state: "to_send",
    pending: [{ operation: "V", identity: Y, refundOf: ORIGINAL }],
    sendable: true,
  },
  {
    name: "C+R: credit note renumbered",
    base: CREDIT_NOTE,
    facts: { version: 2 },
    record: held(X, 1, [], "R"),
    state: "to_send",
    pending: [{ operation: "C", identity: X }, R_Y],
    sendable: true,
  },

  // accepted
  {
    name: "held at the current version",
    facts: {},
    record: held(X, 1, [INFO]),
    state: "accepted",
    pending: [],
    codes: [INFO],
    sendable: false,
  },
  {
    name: "held with W003",
    facts: {},
    record: held(X, 1, [W003]),
    state: "accepted_with_warnings",
    pending: [],
    codes: [W003],
    sendable: false,
  },
  {
    name: "accepted stays accepted without credentials",
    facts: { credentialsConfigured: false },
    record: held(X, 1),
    state: "accepted",
    pending: [],
    sendable: false,
  },

  // attempts
  {
    name: "sending",
    facts: {},
    record: inPhase("sending", attempt(1)),
    state: "sending",
    pending: [I_X],
    sendable: false,
  },
  {
    name: "awaiting outcome",
    facts: {},
    record: inPhase("awaiting_outcome", attempt(1, { protocollo: "P" })),
    state: "awaiting_outcome",
    pending: [I_X],
    sendable: false,
  },
  {
    name: "uncertain",
    facts: {},
    record: inPhase("uncertain", attempt(1)),
    state: "sending",
    pending: [I_X],
    reason: "Esito in verifica",
    sendable: false,
  },
  {
    name: "uncertain, then edited",
    facts: { version: 2 },
    record: inPhase("uncertain", attempt(1)),
    state: "sending",
    pending: [I_X],
    reason: "Esito in verifica",
    sendable: false,
  },
  {
    name: "uncertain, then voided",
    facts: { status: "void", version: 2 },
    record: inPhase("uncertain", attempt(1)),
    state: "sending",
    pending: [],
    reason: "Esito in verifica",
    sendable: false,
  },
  {
    name: "rejected, unchanged",
    facts: {},
    record: inPhase("rejected", attempt(1, { codes: [S011] })),
    state: "rejected",
    pending: [I_X],
    codes: [S011],
    sendable: false,
  },
  {
    name: "rejected V keeps the old version held",
    facts: { version: 2 },
    record: inPhase("rejected", attempt(2, { operation: "V", codes: [S011] }), held(X, 1)),
    state: "rejected",
    pending: [{ operation: "V", identity: X }],
    codes: [S011],
    sendable: false,
  },
  {
    name: "rejected, then fixed",
    facts: { version: 2 },
    record: inPhase("rejected", attempt(1, { codes: [S011] })),
    state: "to_send",
    pending: [I_X],
    sendable: true,
  },
  {
    name: "failed transient",
    facts: {},
    record: inPhase("failed", attempt(1, { failure: "transient", codes: [HTTP500] })),
    state: "failed",
    pending: [I_X],
    codes: [HTTP500],
    sendable: true,
  },
  {
    name: "failed credentials",
    facts: {},
    record: inPhase("failed", attempt(1, { failure: "credentials" })),
    state: "failed",
    pending: [I_X],
    sendable: true,
  },
  {
    name: "failed permanent",
    facts: {},
    record: inPhase("failed", attempt(1, { failure: "permanent" })),
    state: "failed",
    pending: [I_X],
    sendable: false,
  },
  {
    name: "failed, then changed",
    facts: { version: 2 },
    record: inPhase("failed", attempt(1, { failure: "permanent" })),
    state: "to_send",
    pending: [I_X],
    sendable: true,
  },
  {
    name: "failed C of a renumber",
    facts: { identity: Y, version: 2 },
    record: inPhase("failed", attempt(2, { operation: "C", failure: "transient" }), held(X, 1)),
    state: "failed",
    pending: [
      { operation: "C", identity: X },
      { operation: "I", identity: Y },
    ],
    sendable: true,
  },
];

describe("deriveStsStatus", () => {
  it("covers every state", () => {
    const covered = new Set(CASES.map((c) => c.state));
    expect([...STS_STATES].filter((state) => !covered.has(state))).toEqual([]);
  });

  it("case names are unique", () => {
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const status = deriveStsStatus({ ...(c.base ?? INVOICE), ...c.facts }, c.record, TODAY);
    expect(status.state).toBe(c.state);
    expect(status.pending).toEqual(c.pending);
    expect(status.reason).toBe(c.reason ?? null);
    expect(status.codes).toEqual(c.codes ?? []);
    expect(isSendable(status)).toBe(c.sendable);
  });
});

describe("lifecycle", () => {
  it("issue → I → accepted → edit → V → accepted → void → C → accepted → not applicable", () => {
    let facts: StsDocumentFacts = { ...INVOICE, status: "draft" };
    let record = EMPTY_RECORD;
    const expectState = (state: StsState, pending: StsPendingOperation[] = []) => {
      const status = deriveStsStatus(facts, record, TODAY);
      expect({ state: status.state, pending: status.pending }).toEqual({ state, pending });
      return status;
    };
    const send = (operation: "I" | "V" | "C", submissionId: string) =>
      transition(record, { type: "send_started", operation, identity: X, version: facts.version, submissionId });

    expectState("not_applicable");
    facts = { ...facts, status: "issued" };
    expect(isSendable(expectState("to_send", [I_X]))).toBe(true);
    record = send("I", "sub-1");
    expectState("sending", [I_X]);
    record = transition(record, { type: "upload_accepted", protocollo: "99260310000000001" });
    expectState("awaiting_outcome", [I_X]);
    record = transition(record, { type: "accepted", warnings: [] });
    expectState("accepted");

    facts = { ...facts, version: 2 };
    expectState("to_send", [{ operation: "V", identity: X }]);
    record = send("V", "sub-2");
    record = transition(record, { type: "accepted", warnings: [W003] });
    expectState("accepted_with_warnings");

    facts = { ...facts, status: "void", version: 3 };
    expectState("to_send", [{ operation: "C", identity: X }]);
    record = send("C", "sub-3");
    expectState("sending", [{ operation: "C", identity: X }]);
    record = transition(record, { type: "accepted", warnings: [] });
    expect(record).toEqual({ held: null, cancelled: [X], phase: "idle", attempt: null });
    expectState("not_applicable");
  });

  it("a crash after upload never leads to a second I", () => {
    const facts = INVOICE;
    let record = transition(EMPTY_RECORD, {
      type: "send_started",
      operation: "I",
      identity: X,
      version: 1,
      submissionId: "s",
    });
    record = transition(record, { type: "outcome_unknown" });
    const status = deriveStsStatus(facts, record, TODAY);
    expect(status).toMatchObject({ state: "sending", reason: "Esito in verifica" });
    expect(isSendable(status)).toBe(false);
    expect(() =>
      transition(record, { type: "send_started", operation: "I", identity: X, version: 1, submissionId: "t" }),
    ).toThrow();
    // STS answers S017 to a check: it was there all along.
    record = transition(record, { type: "resolved_as_sent" });
    expect(deriveStsStatus(facts, record, TODAY).state).toBe("accepted");
  });

  it("renumber: C of the old identity, then I of the new one", () => {
    let record = held(X, 1);
    const facts = { ...INVOICE, identity: Y, version: 2 };
    expect(deriveStsStatus(facts, record, TODAY).pending.map((op) => op.operation)).toEqual(["C", "I"]);
    record = transition(record, { type: "send_started", operation: "C", identity: X, version: 2, submissionId: "c" });
    record = transition(record, { type: "accepted", warnings: [] });
    expect(deriveStsStatus(facts, record, TODAY).pending).toEqual([{ operation: "I", identity: Y }]);
    record = transition(record, { type: "send_started", operation: "I", identity: Y, version: 2, submissionId: "i" });
    record = transition(record, { type: "accepted", warnings: [] });
    expect(deriveStsStatus(facts, record, TODAY).state).toBe("accepted");
  });
});

describe("stsStateLabel", () => {
  it("gives every state its own Italian label", () => {
    const labels = STS_STATES.map(stsStateLabel);
    expect(labels.every((label) => label.length > 0)).toBe(true);
    expect(new Set(labels).size).toBe(STS_STATES.length);
    expect(stsStateLabel("to_send")).toBe("Da inviare");
    expect(stsStateLabel("accepted")).toBe("Inviato – accettato");
  });
});
