import { describe, expect, it } from "vitest";
import {
  codiceFiscaleCheckCharacter,
  normalizeCodiceFiscale,
  sexOfCodiceFiscale,
  validateCodiceFiscale,
} from "./codice-fiscale";

const today = new Date("2026-06-01T10:00:00Z");
const validate = (input: string) => validateCodiceFiscale(input, { today });

describe("validateCodiceFiscale: personal codes", () => {
  it.each([
    // input, value, birthDate, sex, cadastral code, omocodic
    ["RSSMRA80A01H501U", "RSSMRA80A01H501U", "1980-01-01", "M", "H501", false],
    ["MTOMRA66A41G224M", "MTOMRA66A41G224M", "1966-01-01", "F", "G224", false], // STS kit test user
    [" rssmra80a01h501u ", "RSSMRA80A01H501U", "1980-01-01", "M", "H501", false],
    ["RSS MRA 80A01 H501U", "RSSMRA80A01H501U", "1980-01-01", "M", "H501", false],
    ["BNCLRA95T65F205P", "BNCLRA95T65F205P", "1995-12-25", "F", "F205", false],
    ["VRDGPP13P10Z404F", "VRDGPP13P10Z404F", "2013-09-10", "M", "Z404", false], // born abroad (USA)
    ["RSSMRA00B29H501Y", "RSSMRA00B29H501Y", "2000-02-29", "M", "H501", false],
    ["RSSMRA26E31H501X", "RSSMRA26E31H501X", "2026-05-31", "M", "H501", false], // yesterday: this century
    ["RSSMRA26L01H501P", "RSSMRA26L01H501P", "1926-07-01", "M", "H501", false], // next month: last century
    // omocodic variants of RSSMRA80A01H501U: digits replaced right to left, check character recomputed
    ["RSSMRA80A01H50MM", "RSSMRA80A01H50MM", "1980-01-01", "M", "H501", true],
    ["RSSMRA80A01H5LMX", "RSSMRA80A01H5LMX", "1980-01-01", "M", "H501", true],
    ["RSSMRA80A01HRLMS", "RSSMRA80A01HRLMS", "1980-01-01", "M", "H501", true],
    ["RSSMRAULALMHRLMD", "RSSMRAULALMHRLMD", "1980-01-01", "M", "H501", true],
  ])("accepts %j", (input, value, birthDate, sex, cadastralCode, omocodic) => {
    expect(validate(input)).toEqual({
      ok: true,
      value: { kind: "personal", value, birthDate, sex, cadastralCode, omocodic },
    });
  });

  it.each([
    ["", "Inserisci il codice fiscale"],
    ["RSSMRA80A01H501", "16 caratteri"],
    ["RSSMRA80A01H501UX", "16 caratteri"],
    ["RSSMRA80A01H501Ù", "formato"],
    ["1SSMRA80A01H501U", "formato"],
    ["RSSMRA80A01H5A1U", "formato"], // A is not an omocodia letter
    ["RSSMRA80A0XH501U", "formato"],
    ["RSSMRA80A01H501V", "Il carattere di controllo non è corretto"],
    ["RSSMRA80A01H501A", "Il carattere di controllo non è corretto"],
    ["MTOMRA66A41G224N", "Il carattere di controllo non è corretto"],
    ["RSSMRA80A01H50MU", "Il carattere di controllo non è corretto"], // omocodic digit, old check character
    ["RSSMRA80Z01H501Q", "mese"],
    ["RSSMRA80F01H501U", "mese"], // F is not a month letter (A B C D E H L M P R S T)
    ["RSSMRA80H01H501U", "Il carattere di controllo"], // H (June) is valid: only the check fails
    ["RSSMRA80A32H501C", "giorno"],
    ["RSSMRA80A00H501V", "giorno"],
    ["RSSMRA80A72H501G", "giorno"],
    ["RSSMRA80B30H501X", "non esiste"],
    ["RSSMRA01B29H501Z", "non esiste"],
  ])("rejects %j", (input, message) => {
    const result = validate(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });
});

describe("validateCodiceFiscale: numeric codes", () => {
  it("recognises an 11-digit code with a valid check digit", () => {
    expect(validate("01234567897")).toEqual({ ok: true, value: { kind: "numeric", value: "01234567897" } });
  });

  it("rejects an 11-digit code with a wrong check digit", () => {
    const result = validate("01234567890");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain("cifra di controllo");
  });
});

describe("helpers", () => {
  it("normalizes spaces and case", () => {
    expect(normalizeCodiceFiscale("\trss mra80a01h501u\n")).toBe("RSSMRA80A01H501U");
  });

  it("computes the check character of known codes", () => {
    expect(codiceFiscaleCheckCharacter("RSSMRA80A01H501")).toBe("U");
    expect(codiceFiscaleCheckCharacter("MTOMRA66A41G224")).toBe("M");
  });

  it("reads the sex of a personal code, omocodic or not", () => {
    expect(sexOfCodiceFiscale("MTOMRA66A41G224M")).toBe("F");
    expect(sexOfCodiceFiscale("rssmra80a01h501u")).toBe("M");
    expect(sexOfCodiceFiscale("MTOMRA66A4MG224M")).toBe("F");
    expect(sexOfCodiceFiscale("65498732105")).toBeNull();
  });
});
