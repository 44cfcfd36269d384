import { describe, expect, it } from "vitest";
import { printedProfession, signatory } from "./profession";

describe("printedProfession", () => {
  it("resolves the old slash form by the practitioner's sex", () => {
    expect(printedProfession("Psicologo/a", "F")).toBe("Psicologa");
    expect(printedProfession("Psicologo/a", "M")).toBe("Psicologo");
    expect(printedProfession("Psicologo/a - Psicoterapeuta", "F")).toBe("Psicologa - Psicoterapeuta");
  });
  it("keeps what the practitioner wrote, and the slash when the sex is unknown", () => {
    expect(printedProfession("Psicoterapeuta", "M")).toBe("Psicoterapeuta");
    expect(printedProfession("Psicologo/a", null)).toBe("Psicologo/a");
  });
});

describe("signatory", () => {
  it("agrees with the practitioner", () => {
    expect(signatory("F")).toBe("La sottoscritta");
    expect(signatory("M")).toBe("Il sottoscritto");
    expect(signatory(null)).toBe("Il/La sottoscritto/a");
  });
});
