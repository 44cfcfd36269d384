export type MeasureText = (text: string) => number;

/**
 * Greedy word wrap. Explicit "\n" starts a new line; runs of spaces collapse; a word wider than the line
 * (a pasted URL, a 10,000-character string without spaces) is broken between characters.
 * Character widths are measured one by one and cached, so long texts wrap in linear time.
 */
export function wrapText(text: string, maxWidth: number, measure: MeasureText): string[] {
  const cache = new Map<string, number>();
  const width = (s: string): number => {
    let total = 0;
    for (const char of s) {
      let w = cache.get(char);
      if (w === undefined) {
        w = measure(char);
        cache.set(char, w);
      }
      total += w;
    }
    return total;
  };
  const spaceWidth = width(" ");
  const lines: string[] = [];

  for (const paragraph of text.split("\n")) {
    let line = "";
    let lineWidth = 0;
    for (const word of paragraph.split(/ +/).filter((w) => w !== "")) {
      const wordWidth = width(word);
      if (line !== "" && lineWidth + spaceWidth + wordWidth <= maxWidth) {
        line += ` ${word}`;
        lineWidth += spaceWidth + wordWidth;
        continue;
      }
      if (line !== "") lines.push(line);
      if (wordWidth <= maxWidth) {
        line = word;
        lineWidth = wordWidth;
        continue;
      }
      // Break the long word; its last piece stays open for the next words.
      line = "";
      lineWidth = 0;
      for (const char of word) {
        const charWidth = width(char);
        if (line !== "" && lineWidth + charWidth > maxWidth) {
          lines.push(line);
          line = "";
          lineWidth = 0;
        }
        line += char;
        lineWidth += charWidth;
      }
    }
    lines.push(line);
  }
  return lines;
}
