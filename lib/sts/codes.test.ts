import { describe, expect, it } from "vitest";
import { CREDENTIAL_CODES, STS_CODES, STS_ESITO_CHIAMATA, STS_STATI, describeStsCode } from "./codes";

describe("STS code catalogue", () => {
  it("covers every upload code of docs/STS-PROTOCOL.md §3.4 and the document codes of §11", () => {
    const upload = [
      "002",
      "003",
      "004",
      "005",
      "006",
      "010",
      "101",
      "102",
      "103",
      "104",
      "105",
      "106",
      "107",
      "108",
      "109",
      "110",
      "111",
      "112",
      "113",
      "114",
      "200",
    ];
    const documents = ["S011", "S017", "W003", "W008", "W010", "S035", "W014", "S050", "WS37", "WS96", "WS46"];
    for (const code of [...upload, ...documents]) {
      const info = STS_CODES.get(code);
      expect(info, code).toBeDefined();
      expect(info?.explanation.length, code).toBeGreaterThan(20);
    }
    expect(Object.keys(STS_STATI)).toEqual(["0", "1", "2", "3", "5", "9"]);
    expect(Object.keys(STS_ESITO_CHIAMATA)).toEqual(["0", "1", "2"]);
  });

  it("gives the fix as data", () => {
    expect(describeStsCode("104")).toMatchObject({ fix: "credentials", severity: "error" });
    expect(describeStsCode("S011")).toMatchObject({ fix: "patient", severity: "error" });
    expect(describeStsCode("W003")).toMatchObject({ fix: "none", severity: "warning" });
    expect(describeStsCode("200")).toMatchObject({ fix: "retry" });
    expect([...CREDENTIAL_CODES].sort()).toEqual([
      "002",
      "003",
      "004",
      "005",
      "010",
      "104",
      "107",
      "110",
      "111",
      "113",
    ]);
  });

  it("answers unknown codes with a graceful generic entry", () => {
    expect(describeStsCode("S999", "NUOVO ERRORE")).toMatchObject({
      code: "S999",
      fix: "support",
      severity: "error",
      description: "NUOVO ERRORE",
    });
    expect(describeStsCode("W123")).toMatchObject({ fix: "none", severity: "warning" });
  });
});
