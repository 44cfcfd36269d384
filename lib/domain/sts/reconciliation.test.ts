import { describe, expect, it } from "vitest";
import { compareWithSts, suggestedMinimumDate, type ParcellaSide, type StsSide } from "./reconciliation";

const id = (n: number) => `65498732105|2026-03-0${n}|1|${n}/2026`;
const SP = (amountCents: number) => [{ tipoSpesa: "SP", amountCents }];
const doc = (n: number, over: Partial<ParcellaSide> = {}): ParcellaSide => ({
  invoiceId: `inv-${n}`,
  kind: "invoice",
  label: `${n}/2026`,
  identity: id(n),
  expected: "present",
  believedHeld: true,
  totals: SP(7000),
  sendable: true,
  ...over,
});
const held = (n: number, over: Partial<StsSide> = {}): StsSide => ({
  identity: id(n),
  status: "present",
  totals: SP(7000),
  ...over,
});

describe("compareWithSts", () => {
  it("finds nothing when both sides agree", () => {
    expect(compareWithSts([doc(1), doc(2)], [held(1), held(2)])).toEqual([]);
  });

  it.each([
    { name: "missing", parcella: [doc(1)], sts: [], kind: "missing_on_sts", fix: "send" },
    {
      name: "missing, not sendable",
      parcella: [doc(1, { believedHeld: false, sendable: false })],
      sts: [],
      kind: "missing_on_sts",
      fix: "open",
    },
    { name: "refund", parcella: [doc(1, { kind: "credit_note" })], sts: [], kind: "refund_missing", fix: "send" },
    {
      name: "cancelled",
      parcella: [doc(1)],
      sts: [held(1, { status: "cancelled" })],
      kind: "cancelled_on_sts",
      fix: "open",
    },
    {
      name: "amount",
      parcella: [doc(1)],
      sts: [held(1, { totals: SP(8000) })],
      kind: "amount_different",
      fix: "send_variazione",
    },
    {
      name: "expense type",
      parcella: [doc(1)],
      sts: [held(1, { totals: [{ tipoSpesa: "AA", amountCents: 7000 }] })],
      kind: "amount_different",
      fix: "send_variazione",
    },
    {
      name: "void",
      parcella: [doc(1, { expected: "absent" })],
      sts: [held(1)],
      kind: "void_still_on_sts",
      fix: "send_cancellation",
    },
    { name: "unknown", parcella: [], sts: [held(1)], kind: "unknown_to_parcella", fix: "adopt" },
    {
      name: "known but never recorded as sent",
      parcella: [doc(1, { believedHeld: false })],
      sts: [held(1)],
      kind: "unknown_to_parcella",
      fix: "adopt",
    },
  ])("$name → $kind, fixed by $fix", ({ parcella, sts, kind, fix }) => {
    expect(compareWithSts(parcella, sts)).toEqual([expect.objectContaining({ kind, fix })]);
  });

  it("leaves a voided document STS cancelled or never had, and a cancelled unknown one, alone", () => {
    expect(
      compareWithSts(
        [doc(1, { expected: "absent" }), doc(2, { expected: "absent" })],
        [held(1, { status: "cancelled" }), held(3, { status: "cancelled" })],
      ),
    ).toEqual([]);
  });
});

describe("suggestedMinimumDate", () => {
  it.each([
    { dates: [], expected: null },
    { dates: ["2026-03-31", "2026-01-05"], expected: "2026-04-01" },
    { dates: ["2026-12-31"], expected: "2027-01-01" },
  ])("$dates → $expected", ({ dates, expected }) => {
    expect(suggestedMinimumDate(dates)).toBe(expected);
  });
});
