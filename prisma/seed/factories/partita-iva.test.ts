import { describe, expect, it } from "vitest";
import { validatePartitaIva } from "../../../lib/domain/partita-iva";
import { nextPartitaIva } from "./partita-iva";

describe("nextPartitaIva", () => {
  it("gives distinct valid P.IVAs", () => {
    const values = Array.from({ length: 50 }, () => nextPartitaIva());
    expect(new Set(values).size).toBe(50);
    for (const value of values) expect(validatePartitaIva(value).ok).toBe(true);
  });
});
