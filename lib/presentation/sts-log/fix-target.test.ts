import { describe, expect, it } from "vitest";
import { parseDocumentCodes } from "./document-codes";
import { fixTarget } from "./fix-target";
import { outcomeCounts } from "./outcome-counts";

describe("fixTarget", () => {
  const invoice = { id: "inv1", kind: "invoice", status: "issued" };
  it.each([
    ["credentials", {}, { kind: "link", href: "/impostazioni/sts" }],
    ["profile", {}, { kind: "link", href: "/impostazioni/profilo" }],
    ["patient", { patientId: "pat1" }, { kind: "link", href: "/pazienti/pat1" }],
    ["invoice", { invoice }, { kind: "link", href: "/fatture/inv1/modifica" }],
    ["invoice", { invoice: { ...invoice, status: "void" } }, { kind: "link", href: "/fatture/inv1" }],
    ["invoice", { invoice: { ...invoice, kind: "credit_note" } }, { kind: "link", href: "/fatture/inv1" }],
    ["retry", {}, { kind: "text", text: "Verrà ritentato automaticamente" }],
    ["support", {}, { kind: "text", text: "Contatta l'assistenza" }],
  ] as const)("%s → %o", (fix, context, expected) => {
    expect(fixTarget(fix, context)).toMatchObject(expected);
  });
  it("has no target for none, nor for a patient/invoice fix without its record", () => {
    expect(fixTarget("none")).toBeNull();
    expect(fixTarget("patient", {})).toBeNull();
    expect(fixTarget("invoice", {})).toBeNull();
  });
});

describe("parseDocumentCodes", () => {
  it("explains each code, keeps STS's text and the recorded severity", () => {
    const codes = parseDocumentCodes(
      JSON.stringify([
        { code: "S011", severity: "error", message: "CF ERRATO" },
        { code: "W003", severity: "warning" },
      ]),
    );
    expect(codes).toEqual([
      expect.objectContaining({ code: "S011", severity: "error", fix: "patient", message: "CF ERRATO" }),
      expect.objectContaining({
        code: "W003",
        severity: "warning",
        message: "IL CF CITTADINO NON PRESENTE IN ARCHIVIO",
      }),
    ]);
  });
  it("lists a code STS repeated with the same text once, with how many times it came", () => {
    const codes = parseDocumentCodes(
      JSON.stringify([
        { code: "S011", severity: "error", message: "CF ERRATO" },
        { code: "S011", severity: "error", message: "CF ERRATO" },
        { code: "S011", severity: "error", message: "CF ERRATO" },
        { code: "S011", severity: "error", message: "CF DEL CITTADINO ERRATO" },
      ]),
    );
    expect(codes.map((c) => [c.code, c.message, c.times])).toEqual([
      ["S011", "CF ERRATO", 3],
      ["S011", "CF DEL CITTADINO ERRATO", 1],
    ]);
  });
  it("treats an unknown W code as a warning and ignores malformed input", () => {
    expect(parseDocumentCodes(JSON.stringify([{ code: "W999" }]))[0]).toMatchObject({
      severity: "warning",
      fix: "none",
    });
    expect(parseDocumentCodes("not json")).toEqual([]);
    expect(parseDocumentCodes(JSON.stringify({ code: "S011" }))).toEqual([]);
    expect(parseDocumentCodes(null)).toEqual([]);
  });
});

describe("outcomeCounts", () => {
  const none = { nInviati: null, nAccolti: null, nWarnings: null, nErrori: null };
  it("prefers STS's figures", () => {
    expect(outcomeCounts({ nInviati: 3, nAccolti: 2, nWarnings: 1, nErrori: 1 }, { accepted: 9 })).toMatchObject({
      accepted: 2,
      withWarnings: 1,
      rejected: 1,
    });
  });
  it("counts the documents when STS gave no figures (accepted includes those with warnings)", () => {
    expect(outcomeCounts(none, { accepted: 1, accepted_with_warnings: 2, rejected: 1, pending: 3 })).toEqual({
      accepted: 3,
      withWarnings: 2,
      rejected: 1,
      failed: 0,
      pending: 3,
    });
  });
});
