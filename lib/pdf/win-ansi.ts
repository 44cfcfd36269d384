// pdf-lib's standard fonts (Helvetica) can only encode WinAnsi (Windows-1252): ASCII, Latin-1 and a few
// typographic characters. drawText throws on anything else, and patients' names and descriptions are free text,
// so every string goes through toWinAnsi before it reaches the page.

const WIN_ANSI_EXTRAS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
const REPLACEMENT = "?";

// Look-alikes that NFKD does not reduce to WinAnsi.
const SUBSTITUTES: Record<string, string> = {
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2212": "-",
  "\u2015": "—",
  "\u201B": "'",
  "\u2032": "'",
  "\u201F": '"',
  "\u2033": '"',
  "\u00AD": "",
  "\u2028": "\n",
  "\u2029": "\n",
  "\t": " ",
  "\u202F": "\u00A0",
  "\u2007": "\u00A0",
  "\u200B": "",
  "\u200C": "",
  "\u200D": "",
  "\u2060": "",
  "\uFEFF": "",
  "\uFE0F": "",
  "\uFE0E": "",
};

export function isWinAnsiCodePoint(codePoint: number): boolean {
  if (codePoint >= 0x20 && codePoint <= 0x7e) return true;
  if (codePoint >= 0xa0 && codePoint <= 0xff) return true;
  return WIN_ANSI_EXTRAS.includes(String.fromCodePoint(codePoint));
}

/**
 * Returns text that Helvetica can draw: keeps Italian letters, € and typographic quotes; turns other accented
 * letters into their base letter (ș → s, ő → o), compatibility forms into their plain form (ﬁ → fi), odd spaces
 * into spaces, drops invisible and control characters (keeping "\n", which the layout reads as a line break)
 * and writes "?" for what cannot be represented (Greek, CJK, emoji, lone surrogates). Never throws.
 */
export function toWinAnsi(text: string): string {
  let out = "";
  for (const char of text.replace(/\r\n?/g, "\n").normalize("NFC")) {
    out += mapChar(char);
  }
  return out;
}

function mapChar(char: string): string {
  const codePoint = char.codePointAt(0) ?? 0;
  if (char === "\n" || isWinAnsiCodePoint(codePoint)) return char;
  const substitute = SUBSTITUTES[char];
  if (substitute !== undefined) return substitute;
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return "";
  if (/\p{M}/u.test(char)) return ""; // a combining mark NFC could not attach to a WinAnsi letter
  if (/\s/u.test(char)) return " ";
  const decomposed = char.normalize("NFKD").replace(/\p{M}/gu, "");
  if (decomposed !== "" && [...decomposed].every((c) => isWinAnsiCodePoint(c.codePointAt(0) ?? 0))) return decomposed;
  return REPLACEMENT;
}
