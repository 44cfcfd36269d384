import { describe, expect, it } from "vitest";
import { daysBetween, formatItalianDate, isoDate, isRealDate, parseDocumentDate } from "./dates";

describe("parseDocumentDate", () => {
  it.each([
    ["26/11/2026", "2026-11-26"],
    ["1/2/2026", "2026-02-01"],
    ["2026-11-26", "2026-11-26"],
    [" 29/02/2024 ", "2024-02-29"],
    ["2000-01-01", "2000-01-01"],
    ["31/12/2100", "2100-12-31"],
  ])("accepts %j", (input, iso) => {
    expect(parseDocumentDate(input)).toEqual({ ok: true, value: iso });
  });

  it.each([
    ["", "Inserisci"],
    ["31/02/2026", "non esiste"],
    ["29/02/2025", "non esiste"],
    ["29/02/2100", "non esiste"], // 2100 is not a leap year
    ["00/01/2026", "non esiste"],
    ["10/00/2026", "non esiste"],
    ["10/13/2026", "non esiste"],
    ["2026-02-30", "non esiste"],
    ["31/12/1999", "L'anno"],
    ["01/01/2101", "L'anno"],
    ["26/11/26", "formato"],
    ["26-11-2026", "formato"],
    ["2026/11/26", "formato"],
    ["2026-1-5", "formato"],
    ["26.11.2026", "formato"],
    ["oggi", "formato"],
  ])("rejects %j", (input, message) => {
    const result = parseDocumentDate(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });
});

describe("isoDate (Europe/Rome)", () => {
  it.each([
    ["2026-12-31T23:30:00Z", "2027-01-01"], // winter: UTC+1
    ["2026-12-31T22:59:59Z", "2026-12-31"],
    ["2026-07-15T22:00:00Z", "2026-07-16"], // summer: UTC+2
    ["2026-07-15T21:59:59Z", "2026-07-15"],
  ])("%s → %s", (instant, iso) => {
    expect(isoDate(new Date(instant))).toBe(iso);
  });

  it("answers alike for instants asked in turn and for more hours than it remembers (both DST changes of 2026)", () => {
    const rome = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome" }); // "yyyy-mm-dd"
    const start = Date.parse("2026-03-27T00:00:00Z");
    const instants = Array.from({ length: 5400 }, (_, i) => new Date(start + i * 3_600_000 + (i % 60) * 59_000));
    const expected = instants.map((d) => rome.format(d));
    expect(new Set(expected).size).toBeGreaterThan(200);
    for (let round = 0; round < 2; round++) {
      instants.forEach((d, i) => {
        expect(isoDate(d)).toBe(expected[i]);
        // A page asks for today and for another instant in turn.
        expect(isoDate(instants[0]!)).toBe(expected[0]);
      });
    }
  });
});

describe("formatItalianDate", () => {
  it("formats ISO dates and instants", () => {
    expect(formatItalianDate("2026-11-26")).toBe("26/11/2026");
    expect(formatItalianDate(new Date("2026-12-31T23:30:00Z"))).toBe("01/01/2027");
    expect(() => formatItalianDate("26/11/2026")).toThrow(RangeError);
  });
});

describe("calendar helpers", () => {
  it("isRealDate knows leap years", () => {
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(1900, 2, 29)).toBe(false);
  });

  it("daysBetween crosses DST and year ends", () => {
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
    expect(daysBetween("2027-02-01", "2027-01-31")).toBe(-1);
  });
});
