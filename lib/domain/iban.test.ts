import { describe, expect, it } from "vitest";
import { formatIban, hasValidIbanChecksum, validateIban } from "./iban";

describe("validateIban", () => {
  it.each([
    ["IT60X0542811101000000123456", "IT60X0542811101000000123456"],
    ["IT60 X054 2811 1010 0000 0123 456", "IT60X0542811101000000123456"],
    ["it60x0542811101000000123456", "IT60X0542811101000000123456"],
    ["IBAN: IT60 X054 2811 1010 0000 0123 456", "IT60X0542811101000000123456"],
    ["DE89370400440532013000", "DE89370400440532013000"],
    ["GB82WEST12345698765432", "GB82WEST12345698765432"],
  ])("accepts %j", (input, value) => {
    expect(validateIban(input)).toEqual({ ok: true, value });
  });

  it.each([
    ["", "Inserisci"],
    ["IT60X054281110100000012345", "27 caratteri"],
    ["IT6000542811101000000123456", "formato"], // CIN must be a letter
    ["IT61X0542811101000000123456", "copiato correttamente"], // wrong check digits
    ["IT60X0542811101000000123465", "copiato correttamente"], // swapped digits
    ["DE89370400440532013001", "copiato correttamente"],
    ["XX12", "formato"],
    ["IT60-X054-2811", "27 caratteri"],
  ])("rejects %j", (input, message) => {
    const result = validateIban(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it("mod-97 rejects non-alphanumerics", () => {
    expect(hasValidIbanChecksum("IT60X05428111010000001234_6")).toBe(false);
  });
});

describe("formatIban", () => {
  it.each([
    ["IT60X0542811101000000123456", "IT60 X054 2811 1010 0000 0123 456"],
    ["it60 x0542811101000000123456", "IT60 X054 2811 1010 0000 0123 456"],
    ["DE89370400440532013000", "DE89 3704 0044 0532 0130 00"],
    ["GB82WEST1234569876", "GB82 WEST 1234 5698 76"],
    ["ABCD", "ABCD"],
  ])("%s → %s", (input, text) => {
    expect(formatIban(input)).toBe(text);
  });
});
