import { describe, expect, it } from "vitest";
import { isAccountantPage } from "./accountant-pages";

describe("the accountant's pages", () => {
  it.each([
    ["/fatture", true],
    ["/fatture?q=Rossi&year=2026", true],
    ["/fatture/", true],
    ["/fatture/ckx123", true],
    ["/invii", true],
    ["/invii/ckx123", true],
    ["/", false],
    ["/fatture/nuova", false],
    ["/fatture/ckx123/modifica", false],
    ["/fatture/ckx123/nota-di-credito", false],
    ["/invii/verifica", false],
    ["/invii/verifica?anno=2026", false],
    ["/invii/segnalazioni", false],
    ["/cifre", true],
    ["/cifre?anno=2025", true],
    ["/pazienti", false],
    ["/pazienti/ckx123", false],
    ["/impostazioni", false],
    ["/impostazioni/sts", false],
    ["/impostazioni/commercialista", false],
    ["/stato", false],
    ["/fatturexyz", false],
  ])("%s → %s", (path, allowed) => {
    expect(isAccountantPage(path)).toBe(allowed);
  });
});
