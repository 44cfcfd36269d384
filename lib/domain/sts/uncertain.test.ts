import { describe, expect, it } from "vitest";
import type { StsCodeRef, StsOperation } from "./record";
import { decideUncertain, type UncertainAnswer } from "./uncertain";

const S017: StsCodeRef = { code: "S017", severity: "error", message: "IDENTIFICATIVO DOCUMENTO FISCALE GIA' PRESENTE" };
const X001: StsCodeRef = { code: "X001", severity: "error" };
const S011: StsCodeRef = { code: "S011", severity: "error" };
const W003: StsCodeRef = { code: "W003", severity: "warning" };
const OK: StsCodeRef = { code: "0", severity: "info" };

const sent = { resolution: "sent", event: { type: "resolved_as_sent" }, outcome: "accepted", codes: [] };
const sentWith = (warnings: StsCodeRef[]) => ({
  resolution: "sent",
  event: { type: "resolved_as_sent", warnings },
  outcome: warnings.length ? "accepted_with_warnings" : "accepted",
  codes: warnings,
});
const rejected = (codes: StsCodeRef[]) => ({
  resolution: "rejected",
  event: { type: "rejected", codes },
  outcome: "rejected",
  codes,
});
const wait = { resolution: "wait" };

// Every operation × every kind of answer: what Parcella does with the uncertain attempt.
const TABLE: [StsOperation, UncertainAnswer, unknown][] = [
  ["I", { kind: "accepted", warnings: [] }, sentWith([])],
  ["I", { kind: "accepted", warnings: [W003, OK] }, sentWith([W003])],
  ["I", { kind: "refused", codes: [S017] }, sent], // already there: accepted, never "Errore S017"
  ["I", { kind: "refused", codes: [S011] }, rejected([S011])],
  ["I", { kind: "refused", codes: [X001] }, rejected([X001])],
  ["I", { kind: "holds", warnings: [] }, sentWith([])],
  [
    "I",
    { kind: "not_held" },
    { resolution: "not_sent", event: { type: "resolved_as_not_sent" }, outcome: "failed", codes: [] },
  ],
  ["I", { kind: "no_answer" }, wait],
  ["R", { kind: "refused", codes: [S017] }, sent],
  ["R", { kind: "refused", codes: [X001] }, rejected([X001])], // the original is not held: a real refusal
  ["R", { kind: "accepted", warnings: [] }, sentWith([])],
  ["R", { kind: "no_answer" }, wait],
  ["C", { kind: "refused", codes: [X001] }, sent], // STS no longer holds it: the cancellation is in place
  ["C", { kind: "accepted", warnings: [] }, sentWith([])],
  ["C", { kind: "refused", codes: [S017] }, rejected([S017])],
  ["C", { kind: "no_answer" }, wait],
  ["V", { kind: "accepted", warnings: [W003] }, sentWith([W003])], // a V again is a full replacement: harmless
  ["V", { kind: "refused", codes: [S017] }, rejected([S017])],
  ["V", { kind: "refused", codes: [X001] }, rejected([X001])],
  ["V", { kind: "refused", codes: [OK, S011] }, rejected([S011])],
  ["V", { kind: "no_answer" }, wait],
];

describe("decideUncertain: the one decision about an attempt that may have reached STS", () => {
  it.each(TABLE)("%s answered %j", (operation, answer, expected) => {
    expect(decideUncertain(operation, answer)).toEqual(expected);
  });

  it("never leaves an insert STS already holds as rejected", () => {
    for (const op of ["I", "R"] as const) {
      const decision = decideUncertain(op, { kind: "refused", codes: [S017] });
      expect(decision).toMatchObject({ resolution: "sent", outcome: "accepted", codes: [] });
    }
  });
});
