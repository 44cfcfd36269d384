import fc from "fast-check";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { isWinAnsiCodePoint, toWinAnsi } from "./win-ansi";

describe("toWinAnsi", () => {
  it.each([
    ["Seduta di psicoterapia", "Seduta di psicoterapia"],
    ["àèéìòù ÀÈÉÌÒÙ ç ñ ü ß", "àèéìòù ÀÈÉÌÒÙ ç ñ ü ß"],
    ["€ 70,00 — “ok” ‘sì’ … •", "€ 70,00 — “ok” ‘sì’ … •"],
    ["e\u0301", "é"], // decomposed input is recomposed
    ["Ștefan Łukasz Đorđe Őry", "Stefan ?ukasz ?or?e Ory"],
    ["ﬁne ﬂow", "fine flow"],
    ["Ψυχή 心理 😀", "???? ?? ?"],
    ["a\u200Bb\uFEFFc", "abc"],
    ["a\tb", "a b"],
    ["riga 1\r\nriga 2\rriga 3", "riga 1\nriga 2\nriga 3"],
    ["bell\u0007 null\u0000 del\u007F c1\u0085", "bell null del c1"],
    ["10\u202F€", "10\u00A0€"],
    ["\u2212 5", "- 5"],
    ["\uD800 lone", "? lone"],
    ["x\u0334y", "xy"], // combining mark with no precomposed form
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(toWinAnsi(input)).toBe(expected);
  });

  it("produces only characters Helvetica can encode", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (text) => {
        const safe = toWinAnsi(text).replaceAll("\n", " ");
        expect(() => font.encodeText(safe)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with the font on every code point up to U+2200", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const supported = new Set(font.getCharacterSet());
    for (let cp = 0x20; cp < 0x2200; cp++) {
      if (cp >= 0x7f && cp < 0xa0) continue; // C1 controls: in the font's table, but invisible
      expect([cp, isWinAnsiCodePoint(cp)]).toEqual([cp, supported.has(cp)]);
    }
  });
});
