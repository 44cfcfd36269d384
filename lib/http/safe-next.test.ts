import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next";

const origin = "https://parcella.example";

describe("safeNextPath", () => {
  it.each([
    ["/fatture", "/fatture"],
    ["/fatture/abc?stato=bozza#righe", "/fatture/abc?stato=bozza#righe"],
    ["/%5Cevil.example/x", "/%5Cevil.example/x"],
    ["/%09/evil.example", "/%09/evil.example"],
  ])("keeps the same-origin path %s", (next, expected) => {
    expect(safeNextPath(next, origin)).toBe(expected);
  });

  it.each([
    "//evil.example",
    "https://evil.example",
    "/\\evil",
    "\\\\evil.example",
    "/\t/evil.example",
    "http://parcella.example/fatture",
    "javascript:alert(1)",
    "/.//evil.example",
    "",
    null,
  ])("sends %s to the dashboard", (next) => {
    expect(safeNextPath(next, origin)).toBe("/");
  });
});
