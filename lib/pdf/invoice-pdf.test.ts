import fc from "fast-check";
import { PDFDocument } from "pdf-lib";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { exemptionWording, OPPOSITION_WORDING } from "../domain/tax-regime";
import { documentTitle, renderInvoicePdf } from "./invoice-pdf";
import type { InvoicePdfModel } from "./invoice-pdf-model";

function invoice(overrides: Partial<InvoicePdfModel> = {}): InvoicePdfModel {
  return {
    kind: "invoice",
    documentNumber: "12/2026",
    issueDate: "2026-11-26",
    issuer: {
      name: "Dott.ssa Maria Motta",
      professionLines: ["Psicologa - Psicoterapeuta"],
      codiceFiscale: "MTOMRA66A41G224M",
      partitaIva: "65498732105",
      addressLines: ["Via Roma 1", "20121 Milano (MI)"],
      iban: "IT60X0542811101000000123456",
    },
    patient: {
      name: "Mario Rossi",
      codiceFiscale: "RSSMRA80A01H501U",
      addressLines: ["Via Verdi 2", "00100 Roma (RM)"],
    },
    stsOpposition: false,
    oppositionWording: OPPOSITION_WORDING,
    lines: [
      { description: "Seduta di psicoterapia individuale", quantity: 1, unitPriceCents: 7000, amountCents: 7000 },
    ],
    subtotalCents: 7000,
    pensionFund: { label: "Contributo integrativo ENPAP", rateBp: 200, amountCents: 140 },
    bollo: null,
    totalDueCents: 7140,
    exemptionWording: exemptionWording("ordinario"),
    payment: { method: "bonifico", date: "2026-11-27" },
    footer: "Documento emesso da Parcella",
    ...overrides,
  };
}

async function textOf(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes)); // pdf.js takes ownership of the buffer
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  await pdf.destroy();
  // pdf.js may split or join runs differently; compare on collapsed whitespace.
  return { text: text.replace(/\s+/g, " "), pages: totalPages };
}

describe("renderInvoicePdf", () => {
  it("shows the key fields of an invoice", async () => {
    const { text, pages } = await textOf(await renderInvoicePdf(invoice()));
    expect(pages).toBe(1);
    for (const fragment of [
      "Fattura n. 12/2026 del 26/11/2026",
      "Dott.ssa Maria Motta",
      "C.F. MTOMRA66A41G224M",
      "P.IVA 65498732105",
      "IBAN IT60 X054 2811 1010 0000 0123 456",
      "Mario Rossi",
      "C.F. RSSMRA80A01H501U",
      "Seduta di psicoterapia individuale",
      "70,00",
      "Contributo integrativo ENPAP 2%",
      "1,40",
      "Totale da pagare",
      "71,40",
      "art. 10, comma 1, n. 18, del DPR 633/1972",
      "Pagamento: Bonifico bancario, in data 27/11/2026",
      "Documento emesso da Parcella",
      "Pagina 1 di 1",
    ]) {
      expect(text).toContain(fragment);
    }
    expect(text).not.toContain("Sistema Tessera Sanitaria");
    expect(text).not.toContain("bollo");
  });

  it("marks a draft as such: no 'Fattura n. Bozza', a title and a watermark that say it is not issued", async () => {
    const { text } = await textOf(await renderInvoicePdf({ ...invoice(), draft: true, documentNumber: "Bozza" }));
    expect(text).not.toContain("Fattura n. Bozza");
    expect(text).toContain("BOZZA - Fattura non ancora emessa, senza numero (data prevista 26/11/2026)");
    expect(text).toContain("BOZZA - NON VALIDA");
  });

  it.each([
    ["patient", true, "a carico del paziente"],
    ["practitioner", false, "a carico del professionista"],
  ] as const)("shows the bollo charged to the %s", async (chargedTo, inTotals, payer) => {
    const model = invoice({
      subtotalCents: 8000,
      pensionFund: { label: "Contributo integrativo ENPAP", rateBp: 200, amountCents: 160 },
      lines: [{ description: "Colloquio", quantity: 1, unitPriceCents: 8000, amountCents: 8000 }],
      bollo: { amountCents: 200, chargedTo, identifier: "01234567890123" },
      totalDueCents: inTotals ? 8360 : 8160,
      payment: null,
    });
    const { text } = await textOf(await renderInvoicePdf(model));
    expect(text).toContain("Imposta di bollo assolta sull'originale");
    expect(text).toContain(payer);
    expect(text).toContain("01234567890123");
    expect(text).toContain(inTotals ? "83,60" : "81,60");
    expect(text).toContain("Pagamento: Da pagare");
  });

  it("prints the opposition and the forfettario wording", async () => {
    const model = invoice({
      stsOpposition: true,
      patient: { name: "Anna Bianchi", codiceFiscale: null, addressLines: [] },
      exemptionWording: exemptionWording("forfettario"),
      pensionFund: null,
    });
    const { text } = await textOf(await renderInvoicePdf(model));
    expect(text).toContain("opposizione alla trasmissione dei dati di questa spesa al Sistema Tessera Sanitaria");
    expect(text).toContain("si oppone");
    expect(text).toContain("Legge 190/2014");
    expect(text).not.toContain("ENPAP");
  });

  it("titles a credit note with its reference", async () => {
    const model = invoice({
      kind: "credit_note",
      documentNumber: "NC 3/2026",
      issueDate: "2026-12-02",
      creditedInvoice: { documentNumber: "12/2026", issueDate: "2026-11-26" },
    });
    expect(documentTitle(model)).toBe(
      "Nota di credito n. NC 3/2026 del 02/12/2026 (rif. fattura n. 12/2026 del 26/11/2026)",
    );
    const { text } = await textOf(await renderInvoicePdf(model));
    expect(text).toContain("Nota di credito n. NC 3/2026 del 02/12/2026");
    expect(text).toContain("Totale nota di credito");
  });

  it("wraps a 10,000-character description onto further pages", async () => {
    const words = Array.from({ length: 700 }, (_, i) => `parola${i}`).join(" ");
    const unbroken = "x".repeat(10_000 - words.length - 1); // a run without spaces must break between characters
    const description = `${words} ${unbroken}`;
    expect(description).toHaveLength(10_000);
    const model = invoice({ lines: [{ description, quantity: 1, unitPriceCents: 7000, amountCents: 7000 }] });
    const { text, pages } = await textOf(await renderInvoicePdf(model));
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain("parola0");
    expect(text).toContain("parola699");
    expect(text.match(/x/g)?.length).toBe(unbroken.length); // nothing lost at line or page breaks
    expect(text).toContain(`Pagina ${pages} di ${pages}`);
    expect(text).toContain("71,40");
    expect(text.match(/Descrizione/g)?.length).toBeGreaterThan(1); // table header repeated
  });

  it("keeps Italian letters and replaces what Helvetica cannot draw", async () => {
    const model = invoice({
      patient: { name: "Niccolò Perché Ștefan 李", codiceFiscale: "RSSMRA80A01H501U", addressLines: ["Città"] },
    });
    const { text } = await textOf(await renderInvoicePdf(model));
    expect(text).toContain("Niccolò Perché Stefan ?");
    expect(text).toContain("Città");
  });

  it("is deterministic: the same model gives the same bytes", async () => {
    expect(Buffer.from(await renderInvoicePdf(invoice())).equals(Buffer.from(await renderInvoicePdf(invoice())))).toBe(
      true,
    );
  });

  it("yields a parseable PDF for arbitrary unicode in names and descriptions", async () => {
    const anyText = fc.string({ unit: "binary", maxLength: 300 });
    await fc.assert(
      fc.asyncProperty(
        anyText,
        anyText,
        fc.array(anyText, { minLength: 1, maxLength: 4 }),
        async (name, footer, descriptions) => {
          const model = invoice({
            issuer: { ...invoice().issuer, name, addressLines: [footer] },
            patient: { name, codiceFiscale: name, addressLines: [name] },
            lines: descriptions.map((description) => ({
              description,
              quantity: 1,
              unitPriceCents: 100,
              amountCents: 100,
            })),
            bollo: { amountCents: 200, chargedTo: "patient", identifier: name },
            notes: footer,
            footer,
          });
          const bytes = await renderInvoicePdf(model);
          await PDFDocument.load(bytes);
          const { pages } = await textOf(bytes);
          expect(pages).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 30 },
    );
  }, 60_000);
});
