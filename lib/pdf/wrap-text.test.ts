import { describe, expect, it } from "vitest";
import { wrapText } from "./wrap-text";

// One unit per character makes the expected lines readable.
const measure = (text: string) => [...text].length;

describe("wrapText", () => {
  it.each([
    ["short", 10, ["short"]],
    ["one two three four", 9, ["one two", "three", "four"]],
    ["exactly ten", 11, ["exactly ten"]],
    ["exactly ten", 10, ["exactly", "ten"]],
    ["a  b   c", 10, ["a b c"]],
    ["line one\nline two", 20, ["line one", "line two"]],
    ["para\n\nafter blank", 20, ["para", "", "after blank"]],
    ["abcdefghijkl", 5, ["abcde", "fghij", "kl"]],
    ["go abcdefghijkl end", 5, ["go", "abcde", "fghij", "kl", "end"]],
    ["", 10, [""]],
  ])("%j at width %d", (text, width, lines) => {
    expect(wrapText(text, width, measure)).toEqual(lines);
  });

  it("never exceeds the width and keeps every character of a 10,000-character text", () => {
    const text = "x".repeat(4000) + " " + "parola ".repeat(850);
    const lines = wrapText(text, 37, measure);
    expect(lines.every((line) => measure(line) <= 37)).toBe(true);
    expect(lines.join("").replaceAll(" ", "")).toBe(text.replaceAll(" ", ""));
  });
});
