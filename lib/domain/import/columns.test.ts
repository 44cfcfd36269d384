import { describe, expect, it } from "vitest";
import { detectLayout, guessMapping, missingRequiredFields, normalizeHeader } from "./columns";

describe("import columns", () => {
  it.each([
    ["Data Fattura", "data fattura"],
    ["DATA_FATTURA:", "data fattura"],
    ["Città", "citta"],
    ["  N. fattura ", "n fattura"],
  ])("normalises the header %j to %j", (header, expected) => {
    expect(normalizeHeader(header)).toBe(expected);
  });

  it("recognises a spreadsheet of invoices and maps its columns", () => {
    const headers = ["N.", "Data", "Cognome", "Nome", "CF", "Onorario", "Pagata il", "Inviata STS"];
    expect(detectLayout(headers)).toBe("invoices");
    expect(guessMapping("invoices", headers)).toEqual({
      number: 0,
      issueDate: 1,
      lastName: 2,
      firstName: 3,
      codiceFiscale: 4,
      amount: 5,
      paymentDate: 6,
      sentToSts: 7,
    });
  });

  it("recognises a list of patients and names the required fields left without a column", () => {
    const headers = ["Cognome", "Nome", "Email", "Telefono", "Comune"];
    expect(detectLayout(headers)).toBe("patients");
    const mapping = guessMapping("patients", headers);
    expect(mapping).toEqual({ lastName: 0, firstName: 1, email: 2, phone: 3, city: 4 });
    expect(missingRequiredFields("patients", mapping)).toEqual(["Codice fiscale"]);
  });
});
