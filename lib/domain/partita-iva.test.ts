import { describe, expect, it } from "vitest";
import {
  hasValidPartitaIvaChecksum,
  KIT_TEST_PARTITA_IVA,
  normalizePartitaIva,
  validatePartitaIva,
} from "./partita-iva";

describe("validatePartitaIva", () => {
  it.each([
    ["01234567897", "01234567897"],
    ["12345678903", "12345678903"],
    ["07654321004", "07654321004"],
    [" 0123 4567 897 ", "01234567897"],
    ["IT01234567897", "01234567897"],
    ["it12345678903", "12345678903"],
  ])("accepts %j", (input, value) => {
    expect(validatePartitaIva(input)).toEqual({ ok: true, value });
  });

  it.each([
    ["", "Inserisci"],
    ["0123456789", "11 cifre"],
    ["012345678970", "11 cifre"],
    ["0123456789A", "11 cifre"],
    ["01234567890", "cifra di controllo"],
    ["01234567898", "cifra di controllo"],
    ["10234567897", "cifra di controllo"], // swapped digits change the sum
    ["00000000000", "non è valida"],
  ])("rejects %j", (input, message) => {
    const result = validatePartitaIva(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it("the STS kit P.IVA fails the checksum (its check digit would be 9, not 5)", () => {
    expect(hasValidPartitaIvaChecksum(KIT_TEST_PARTITA_IVA)).toBe(false);
    expect(hasValidPartitaIvaChecksum("65498732109")).toBe(true);
    expect(validatePartitaIva(KIT_TEST_PARTITA_IVA).ok).toBe(false);
  });

  it("accepts the kit P.IVA only when the caller opts in", () => {
    expect(validatePartitaIva("65498732105", { allowKitTestValue: true })).toEqual({ ok: true, value: "65498732105" });
    // The opt-in is for that exact value, not a checksum bypass.
    expect(validatePartitaIva("65498732106", { allowKitTestValue: true }).ok).toBe(false);
  });
});

describe("normalizePartitaIva", () => {
  it("keeps an IT that is not a prefix of digits", () => {
    expect(normalizePartitaIva("ITALIA")).toBe("ITALIA");
  });
});
