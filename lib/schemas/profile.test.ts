import { describe, expect, it } from "vitest";
import { basisPointsToPercentInput, makeProfileSchema, parsePercentToBasisPoints, type ProfileInput } from "./profile";

const today = new Date("2026-03-15T10:00:00Z");
const schema = makeProfileSchema({ today, allowKitTestPartitaIva: true });
const productionSchema = makeProfileSchema({ today, allowKitTestPartitaIva: false });

const valid: ProfileInput = {
  displayName: "Dott.ssa Anna Verdi",
  profession: "Psicologa",
  codiceFiscale: "mtomra66a41g224m",
  partitaIva: "65498732105",
  address: "Via Roma 1",
  postalCode: "20121",
  city: "Milano",
  province: "mi",
  phone: "",
  email: "",
  taxRegime: "ordinario",
  pensionFundLabel: "ENPAP",
  pensionFundRate: "2",
  bolloPolicy: "patient",
  defaultExpenseType: "SP",
  iban: "",
  invoiceFooter: "",
};

function errorsOf(input: Partial<ProfileInput>, s = schema) {
  const parsed = s.safeParse({ ...valid, ...input });
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
}

describe("profile schema", () => {
  it("normalises a valid profile to what the database stores", () => {
    const data = schema.parse({ ...valid, iban: "it60 x054 2811 1010 0000 0123 456", email: " Studio@Example.IT " });
    expect(data).toMatchObject({
      codiceFiscale: "MTOMRA66A41G224M",
      province: "MI",
      pensionFundRateBp: 200,
      iban: "IT60X0542811101000000123456",
      email: "studio@example.it",
      phone: null,
      invoiceFooter: null,
    });
    expect(data).not.toHaveProperty("pensionFundRate");
  });

  it.each([
    ["2", 200],
    ["2,5", 250],
    ["2.25", 225],
    ["0", 0],
    ["10", 1000],
    ["0,05", 5],
  ])("reads the rate %s%% as %i basis points", (rate, bp) => {
    expect(schema.parse({ ...valid, pensionFundRate: rate }).pensionFundRateBp).toBe(bp);
  });

  it.each([
    ["11", "La percentuale non può superare il 10%."],
    ["10,01", "La percentuale non può superare il 10%."],
    ["2,555", "Indica una percentuale come 2 o 2,5 (al massimo due decimali)."],
    ["-1", "Indica una percentuale come 2 o 2,5 (al massimo due decimali)."],
    ["due", "Indica una percentuale come 2 o 2,5 (al massimo due decimali)."],
  ])("refuses the rate %s", (rate, message) => {
    expect(errorsOf({ pensionFundRate: rate }).pensionFundRate).toBe(message);
  });

  it("accepts the STS kit P.IVA only outside production", () => {
    expect(errorsOf({})).toEqual({});
    expect(errorsOf({}, productionSchema).partitaIva).toMatch(/cifra di controllo/);
    expect(errorsOf({ partitaIva: "12345678903" }, productionSchema)).toEqual({});
  });

  it("reports every bad field at once, in Italian", () => {
    const errors = errorsOf({
      codiceFiscale: "MTOMRA66A41G224X",
      partitaIva: "123",
      postalCode: "2012",
      province: "Milano",
      iban: "IT00X0542811101000000123456",
      displayName: "",
      invoiceFooter: "x".repeat(501),
    });
    expect(errors).toEqual({
      codiceFiscale: "Il carattere di controllo non è corretto.",
      partitaIva: "La partita IVA deve essere composta da 11 cifre.",
      postalCode: "Il CAP ha 5 cifre.",
      province: "Sigla di 2 lettere.",
      iban: "L'IBAN non è valido: controlla di averlo copiato correttamente.",
      displayName: "Indica il nome come deve comparire in fattura.",
      invoiceFooter: "Il piè di pagina può avere al massimo 500 caratteri.",
    });
  });

  it("requires the fund's name only when a rate applies", () => {
    expect(errorsOf({ pensionFundLabel: "", pensionFundRate: "2" }).pensionFundLabel).toMatch(/cassa previdenziale/);
    expect(errorsOf({ pensionFundLabel: "", pensionFundRate: "0" })).toEqual({});
  });

  it("refuses a numeric codice fiscale for the practitioner and an unknown tax regime", () => {
    expect(errorsOf({ codiceFiscale: "12345678903" }).codiceFiscale).toMatch(/16 caratteri/);
    expect(errorsOf({ taxRegime: "misto" as never }).taxRegime).toBe("Scegli il regime fiscale.");
  });
});

describe("percent conversions", () => {
  it("round-trips basis points through the form's text", () => {
    for (const bp of [0, 5, 50, 200, 250, 255, 1000]) {
      expect(parsePercentToBasisPoints(basisPointsToPercentInput(bp))).toBe(bp);
    }
    expect(basisPointsToPercentInput(250)).toBe("2,5");
    expect(parsePercentToBasisPoints("2 %")).toBe(200);
  });
});
