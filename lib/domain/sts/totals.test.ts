import { describe, expect, it } from "vitest";
import { grandTotal, sameTotals, totalsByType } from "./totals";

describe("totals per expense type", () => {
  it.each([
    { a: [{ tipoSpesa: "SP", amountCents: 7000 }], b: [{ tipoSpesa: "SP", amountCents: 7000 }], same: true },
    {
      a: [
        { tipoSpesa: "SP", amountCents: 5000 },
        { tipoSpesa: "SP", amountCents: 2000 },
      ],
      b: [{ tipoSpesa: "SP", amountCents: 7000 }],
      same: true,
    },
    { a: [{ tipoSpesa: "SP", amountCents: 7000 }], b: [{ tipoSpesa: "SP", amountCents: 7100 }], same: false },
    { a: [{ tipoSpesa: "SP", amountCents: 7000 }], b: [{ tipoSpesa: "AA", amountCents: 7000 }], same: false },
    {
      a: [
        { tipoSpesa: "AA", amountCents: 200 },
        { tipoSpesa: "SP", amountCents: 7000 },
      ],
      b: [
        { tipoSpesa: "SP", amountCents: 7000 },
        { tipoSpesa: "AA", amountCents: 200 },
      ],
      same: true,
    },
    { a: [{ tipoSpesa: "SP", amountCents: 0 }], b: [], same: true },
  ])("$a vs $b → $same", ({ a, b, same }) => {
    expect(sameTotals(a, b)).toBe(same);
  });

  it("sums and sorts", () => {
    const items = [
      { tipoSpesa: "SP", amountCents: 100 },
      { tipoSpesa: "AA", amountCents: 50 },
      { tipoSpesa: "SP", amountCents: 1 },
    ];
    expect(totalsByType(items)).toEqual([
      { tipoSpesa: "AA", amountCents: 50 },
      { tipoSpesa: "SP", amountCents: 101 },
    ]);
    expect(grandTotal(items)).toBe(151);
  });
});
