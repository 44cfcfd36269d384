import { describe, expect, it } from "vitest";
import {
  formatInvoiceNumber,
  nextNumber,
  parseInvoiceNumber,
  STS_NUM_DOCUMENTO_PATTERN,
  toStsNumDocumento,
  type DocumentNumber,
} from "./numbering";

describe("document numbers", () => {
  it.each([
    [{ series: "invoice", number: 12, year: 2026 }, "12/2026", "12/2026"],
    [{ series: "invoice", number: 1, year: 2025 }, "1/2025", "1/2025"],
    [{ series: "credit_note", number: 3, year: 2026 }, "NC 3/2026", "NC-3/2026"],
    [{ series: "invoice", number: 123456789, year: 2026 }, "123456789/2026", "123456789/2026"],
  ] as [DocumentNumber, string, string][])("%o → %s / STS %s", (document, printed, sts) => {
    expect(formatInvoiceNumber(document)).toBe(printed);
    expect(toStsNumDocumento(document)).toBe(sts);
    expect(sts).toMatch(STS_NUM_DOCUMENTO_PATTERN);
    expect(parseInvoiceNumber(printed)).toEqual(document);
    expect(parseInvoiceNumber(sts)).toEqual(document);
  });

  it.each([
    { series: "invoice", number: 0, year: 2026 },
    { series: "invoice", number: 1.5, year: 2026 },
    { series: "invoice", number: 1, year: 1999 },
  ] as DocumentNumber[])("refuses %o", (document) => {
    expect(() => formatInvoiceNumber(document)).toThrow(RangeError);
  });

  it.each(["", "12", "12/26", "0/2026", "012/2026", "NC3/2026", "nc 3/2026", "FT 3/2026", "3/2026/1", "NC 3/1999"])(
    "parse rejects %j",
    (text) => {
      expect(parseInvoiceNumber(text)).toBeNull();
    },
  );
});

describe("nextNumber", () => {
  it.each([
    [null, 1],
    [1, 2],
    [41, 42],
  ])("after %s comes %d", (last, next) => {
    expect(nextNumber(last)).toBe(next);
  });

  it.each([0, -3, 2.5])("refuses %d", (last) => {
    expect(() => nextNumber(last)).toThrow(RangeError);
  });
});
