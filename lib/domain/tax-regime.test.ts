import { describe, expect, it } from "vitest";
import { exemptionWording, naturaIvaForRegime, OPPOSITION_WORDING } from "./tax-regime";

describe("tax regime", () => {
  it.each([
    ["ordinario", "N4", ["art. 10, comma 1, n. 18", "DPR 633/1972", "esente da IVA"]],
    ["forfettario", "N2.2", ["commi da 54 a 89", "Legge 190/2014", "senza applicazione dell'IVA", "ritenuta"]],
  ] as const)("%s → %s", (regime, natura, fragments) => {
    expect(naturaIvaForRegime(regime)).toBe(natura);
    for (const fragment of fragments) expect(exemptionWording(regime)).toContain(fragment);
  });

  it("each regime has its own wording", () => {
    expect(exemptionWording("ordinario")).not.toContain("190/2014");
    expect(exemptionWording("forfettario")).not.toContain("633/1972");
  });

  it("the opposition wording names the Sistema Tessera Sanitaria", () => {
    expect(OPPOSITION_WORDING).toContain("opposizione");
    expect(OPPOSITION_WORDING).toContain("Sistema Tessera Sanitaria");
  });
});
