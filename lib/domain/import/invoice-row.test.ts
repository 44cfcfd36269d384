import { describe, expect, it } from "vitest";
import { parseImportedNumber, parseInvoiceRow, parseSentFlag } from "./invoice-row";

const TODAY = "2026-11-20";
const row = (cells: Record<string, string>) =>
  parseInvoiceRow(
    { number: "12", issueDate: "10/03/2026", amount: "70,00", ...cells },
    {
      today: TODAY,
      sentByDefault: false,
    },
  );

describe("an imported invoice row", () => {
  it("reads the fields of a good row", () => {
    expect(row({ paymentDate: "2026-03-12", paymentMethod: "Bancomat", sentToSts: "sì", total: "71,40" })).toEqual({
      ok: true,
      value: {
        number: 12,
        year: 2026,
        issueDate: "2026-03-10",
        description: "Prestazione professionale",
        amountCents: 7000,
        totalCents: 7140,
        paymentDate: "2026-03-12",
        paymentMethod: "pos",
        sentToSts: true,
      },
    });
  });

  it.each([
    [{ number: "" }, "Numero: manca il numero della fattura"],
    [{ number: "A12" }, "Numero: Numero non valido: usa un numero intero (es. 12 o 12/2026)"],
    [{ number: "12/2025" }, "Numero: Il numero indica l'anno 2025, la data l'anno 2026"],
    [{ issueDate: "31/02/2026" }, "Data: Questa data non esiste"],
    [{ issueDate: "21/11/2026" }, "Data: la fattura non può avere una data futura"],
    [{ amount: "settanta" }, "Importo: Importo non valido: usa un formato come 70, 70,00 o 1.234,56"],
    [{ amount: "0" }, "Importo: L'importo deve essere maggiore di zero"],
    [{ paymentDate: "01/03/2026" }, "Data pagamento: è precedente alla data della fattura"],
    [{ paymentMethod: "bitcoin" }, "Metodo di pagamento: usa contanti, carta, POS, bonifico o assegno"],
    [{ sentToSts: "forse" }, "Indica sì o no in «Già inviata a STS»"],
  ])("refuses %j with an Italian message", (cells, message) => {
    expect(row(cells)).toEqual({ ok: false, errors: [message] });
  });

  it("reads numbers with or without their year, and the sent flag with a default", () => {
    expect(parseImportedNumber("12 / 2026", 2026)).toBe(12);
    expect(parseImportedNumber("0", 2026)).toMatch(/^Numero non valido/);
    expect(parseSentFlag("", true)).toBe(true);
    expect(parseSentFlag("NO", true)).toBe(false);
    expect(parseSentFlag("x", false)).toBe(true);
  });
});
