import { describe, expect, it } from "vitest";
import { codiceFiscaleCheckCharacter } from "../domain/codice-fiscale";
import { makePatientSchema, type PatientInput } from "./patient";

const today = new Date("2026-03-15T10:00:00Z");
const schema = makePatientSchema({ today });
const withCheck = (first15: string) => first15 + codiceFiscaleCheckCharacter(first15);

// Mario Rossi, born in Rome on 1 January 1980, and the same code with omocodia on the last digit (1 → M).
const MARIO = withCheck("RSSMRA80A01H501");
const MARIO_OMOCODIC = withCheck("RSSMRA80A01H50M");
const wrongCheck = (cf: string) => cf.slice(0, 15) + (cf[15] === "A" ? "B" : "A");

const person: PatientInput = { kind: "person", firstName: "Mario", lastName: "Rossi", codiceFiscale: MARIO };

function errorsOf(input: PatientInput) {
  const parsed = schema.safeParse(input);
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
}

describe("patient schema", () => {
  it("derives the birth date from the codice fiscale and normalises it", () => {
    const data = schema.parse({ ...person, codiceFiscale: ` ${MARIO.toLowerCase()} `, province: "rm", email: "" });
    expect(data).toMatchObject({
      kind: "person",
      codiceFiscale: MARIO,
      birthDate: "1980-01-01",
      province: "RM",
      email: null,
    });
  });

  it("accepts an omocodic codice fiscale", () => {
    expect(schema.parse({ ...person, codiceFiscale: MARIO_OMOCODIC })).toMatchObject({
      codiceFiscale: MARIO_OMOCODIC,
      birthDate: "1980-01-01",
    });
  });

  it.each([
    ["", "Inserisci il codice fiscale."],
    [wrongCheck(MARIO), "Il carattere di controllo non è corretto."],
    ["RSSMRA80A01H501", "Il codice fiscale deve avere 16 caratteri (11 cifre se numerico)."],
    ["RSSMRA8XA01H501U", "Il formato del codice fiscale non è valido."],
    ["12345678903", "Per una persona serve il codice fiscale di 16 caratteri."],
  ])("refuses the codice fiscale %j for a person", (codiceFiscale, message) => {
    expect(errorsOf({ ...person, codiceFiscale }).codiceFiscale).toBe(message);
  });

  it("accepts a foreign person without codice fiscale, and drops one typed before ticking the box", () => {
    const data = schema.parse({ ...person, foreign: true, codiceFiscale: "ABC" });
    expect(data).toMatchObject({ foreign: true, codiceFiscale: null, birthDate: null });
  });

  it("requires first and last name for a person", () => {
    expect(errorsOf({ kind: "person", foreign: true })).toEqual({
      firstName: "Indica il nome.",
      lastName: "Indica il cognome.",
    });
  });

  it("requires company name and a valid P.IVA for a company, and clears the person's fields", () => {
    expect(errorsOf({ kind: "company", firstName: "Mario" })).toEqual({
      companyName: "Indica la ragione sociale.",
      partitaIva: "Inserisci la partita IVA.",
    });
    expect(errorsOf({ kind: "company", companyName: "Studio Alfa srl", partitaIva: "12345678901" }).partitaIva).toMatch(
      /cifra di controllo/,
    );
    // The kit P.IVA is for the practitioner's test profile, never for a client.
    expect(errorsOf({ kind: "company", companyName: "Studio Alfa srl", partitaIva: "65498732105" }).partitaIva).toMatch(
      /cifra di controllo/,
    );
    const data = schema.parse({
      ...person,
      kind: "company",
      companyName: "Studio Alfa srl",
      partitaIva: "IT 12345678903",
      opposesSts: true,
    });
    expect(data).toMatchObject({
      kind: "company",
      firstName: null,
      lastName: null,
      partitaIva: "12345678903",
      codiceFiscale: MARIO,
      opposesSts: false,
    });
  });

  it("dates the opposition to STS today when no date is given, and refuses a future one", () => {
    expect(schema.parse({ ...person, opposesSts: true }).opposesStsSince).toBe("2026-03-15");
    expect(schema.parse({ ...person, opposesSts: true, opposesStsSince: "10/01/2026" }).opposesStsSince).toBe(
      "2026-01-10",
    );
    expect(schema.parse({ ...person, opposesSts: false, opposesStsSince: "2026-01-10" }).opposesStsSince).toBeNull();
    expect(errorsOf({ ...person, opposesSts: true, opposesStsSince: "2026-03-16" }).opposesStsSince).toMatch(/futura/);
  });

  it("checks the optional contact fields", () => {
    expect(errorsOf({ ...person, email: "mario@", postalCode: "123", phone: "abc" })).toEqual({
      email: "L'email non è valida.",
      postalCode: "Il CAP ha 5 cifre.",
      phone: "Il numero di telefono non è valido.",
    });
  });
});
