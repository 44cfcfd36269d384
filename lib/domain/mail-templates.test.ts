import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES, fillTemplate } from "./mail-templates";

describe("fillTemplate", () => {
  it.each([
    ["Fattura n. {numero}", { numero: "3/2026" }, "Fattura n. 3/2026"],
    ["{paziente}, {paziente}", { paziente: "Rossi" }, "Rossi, Rossi"],
    ["Resta {sconosciuto}", {}, "Resta {sconosciuto}"],
    ["Nessun segnaposto", { numero: "1" }, "Nessun segnaposto"],
  ])("%s", (template, values, expected) => {
    expect(fillTemplate(template, values)).toBe(expected);
  });

  it("fills every placeholder of the default invoice message", () => {
    const values = {
      paziente: "Anna",
      numero: "1/2026",
      data: "1 marzo 2026",
      importo: "€ 80,00",
      professionista: "Dr",
    };
    expect(fillTemplate(DEFAULT_TEMPLATES.invoice.body, values)).not.toMatch(/\{/);
  });
});
