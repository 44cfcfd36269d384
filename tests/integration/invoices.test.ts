import { beforeAll, describe, expect, it } from "vitest";
import { createCreditNote } from "../../lib/services/invoices/create-credit-note";
import { cloneInvoice } from "../../lib/services/invoices/clone-invoice";
import { deleteDraft } from "../../lib/services/invoices/delete-draft";
import { getDashboard } from "../../lib/services/invoices/dashboard";
import { exportInvoicesCsv } from "../../lib/services/invoices/export-invoices-csv";
import { getInvoiceEvents, getInvoiceOrThrow } from "../../lib/services/invoices/get-invoice";
import { issueInvoice } from "../../lib/services/invoices/issue-invoice";
import { renderInvoicePdfFor } from "../../lib/services/invoices/invoice-pdf";
import { recordPayment } from "../../lib/services/invoices/record-payment";
import { saveInvoiceDraft } from "../../lib/services/invoices/save-invoice-draft";
import { updateIssuedInvoice } from "../../lib/services/invoices/update-issued-invoice";
import { voidInvoice } from "../../lib/services/invoices/void-invoice";
import { findInvoicePage } from "../../lib/data/invoice-list";
import { parseInvoiceFilters } from "../../lib/schemas/invoice-filters";
import { createTestProfile } from "../../prisma/seed/factories/profiles";
import { createTestPatient } from "../../prisma/seed/factories/patients";
import { createTestInvoice, SESSION_LINE } from "../../prisma/seed/factories/invoices";
import { appErrorOf, registerTestPractitioner, testDatabaseProvider, testDb } from "./test-db";
import { extractText } from "unpdf";

async function newPractitioner(label: string) {
  const p = await registerTestPractitioner(label);
  await createTestProfile(testDb(), p.id);
  const patient = await createTestPatient(testDb(), p.id);
  return { id: p.id, patientId: patient.id };
}

describe("invoices", () => {
  let a: { id: string; patientId: string };
  let b: { id: string; patientId: string };
  beforeAll(async () => {
    a = await newPractitioner("a");
    b = await newPractitioner("b");
  });

  it("computes totals from the lines: 70,00 + ENPAP 2% = 71,40 without bollo; 80,00 → 81,60 + bollo 2,00", async () => {
    const small = await createTestInvoice(testDb(), a.id, { patientId: a.patientId, issue: false });
    expect(small).toMatchObject({ subtotalCents: 7000, pensionFundCents: 140, bolloCents: 0, totalCents: 7140 });
    const big = await createTestInvoice(testDb(), a.id, {
      patientId: a.patientId,
      issue: false,
      lines: [{ ...SESSION_LINE, unitPrice: "80,00" }],
    });
    expect(big).toMatchObject({
      subtotalCents: 8000,
      pensionFundCents: 160,
      bolloCents: 200,
      bolloChargedToPatient: true,
      totalCents: 8360,
    });
  });

  it("numbers per year without gaps, and restarts every year", async () => {
    const p = await newPractitioner("numbers");
    const numbers: string[] = [];
    for (const date of ["2025-12-30", "2026-01-02", "2026-01-05", "2026-02-01"]) {
      const inv = await createTestInvoice(testDb(), p.id, { patientId: p.patientId, issueDate: date });
      numbers.push(`${inv.number}/${inv.year}`);
    }
    expect(numbers).toEqual(["1/2025", "1/2026", "2/2026", "3/2026"]);
    // A forgotten invoice of a past year takes that year's next number.
    const late = await createTestInvoice(testDb(), p.id, { patientId: p.patientId, issueDate: "2025-12-31" });
    expect(`${late.number}/${late.year}`).toBe("2/2025");
  });

  it("refuses an issue date earlier than the previous number's", async () => {
    const p = await newPractitioner("chrono");
    await createTestInvoice(testDb(), p.id, { patientId: p.patientId, issueDate: "2026-05-10" });
    const draft = await createTestInvoice(testDb(), p.id, {
      patientId: p.patientId,
      issueDate: "2026-05-09",
      issue: false,
    });
    const error = await appErrorOf(
      issueInvoice({ db: testDb(), practitionerId: p.id, actorId: p.id, invoiceId: draft.id }),
    );
    expect(error.fieldErrors.issueDate?.[0]).toMatch(/non può precedere quella del documento n. 1\/2026/);
    expect((await getInvoiceOrThrow({ db: testDb(), practitionerId: p.id, invoiceId: draft.id })).status).toBe("draft");
  });

  it("gives 20 concurrent issues 20 distinct consecutive numbers", async () => {
    const p = await newPractitioner("concurrent");
    const drafts = [];
    for (let i = 0; i < 20; i++)
      drafts.push(
        await createTestInvoice(testDb(), p.id, { patientId: p.patientId, issueDate: "2026-06-01", issue: false }),
      );
    const issued = await Promise.all(
      drafts.map((d) => issueInvoice({ db: testDb(), practitionerId: p.id, actorId: p.id, invoiceId: d.id })),
    );
    const numbers = issued.map((i) => i.number!).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(testDatabaseProvider()).toMatch(/sqlite|postgresql/);
  });

  it("refuses bad input with Italian field errors and saves nothing", async () => {
    const before = await testDb().invoice.count({ where: { practitionerId: a.id } });
    const error = await appErrorOf(
      saveInvoiceDraft({
        db: testDb(),
        practitionerId: a.id,
        actorId: a.id,
        input: {
          patientId: a.patientId,
          issueDate: "31/02/2026",
          lines: [
            { description: "x".repeat(10_000), quantity: 1, unitPrice: "70", expenseType: "SP", pensionFund: true },
            { description: "Seduta", quantity: 100_000, unitPrice: "-5", expenseType: "SP", pensionFund: true },
            { description: "Seduta", quantity: 1, unitPrice: "0", expenseType: "SP", pensionFund: true },
          ],
          opposition: false,
        },
      }),
    );
    expect(error.fieldErrors.issueDate?.[0]).toBeTruthy();
    expect(error.fieldErrors["lines.0.description"]?.[0]).toMatch(/troppo lunga/);
    expect(error.fieldErrors["lines.1.quantity"]?.[0]).toBe("La quantità massima è 999.");
    expect(error.fieldErrors["lines.1.unitPrice"]?.[0]).toBeTruthy();
    expect(error.fieldErrors["lines.2.unitPrice"]?.[0]).toBeTruthy();
    expect(await testDb().invoice.count({ where: { practitionerId: a.id } })).toBe(before);
  });

  it("records every change to an issued invoice and bumps its content version only for STS-relevant data", async () => {
    const inv = await createTestInvoice(testDb(), a.id, { patientId: a.patientId, issueDate: "2026-07-01" });
    const base = { patientId: a.patientId, issueDate: "2026-07-01", lines: [SESSION_LINE], opposition: false };
    const noted = await updateIssuedInvoice({
      db: testDb(),
      practitionerId: a.id,
      actorId: a.id,
      invoiceId: inv.id,
      input: { ...base, notes: "Nota interna" },
    });
    expect(noted.contentVersion).toBe(inv.contentVersion);
    const repriced = await updateIssuedInvoice({
      db: testDb(),
      practitionerId: a.id,
      actorId: a.id,
      invoiceId: inv.id,
      input: { ...base, notes: "Nota interna", lines: [{ ...SESSION_LINE, unitPrice: "75,00" }] },
    });
    expect(repriced.contentVersion).toBe(inv.contentVersion + 1);
    expect(repriced.totalCents).toBe(7650);
    const events = await getInvoiceEvents({ db: testDb(), practitionerId: a.id, invoiceId: inv.id });
    expect(events.map((e) => e.action)).toEqual(["created", "issued", "updated", "updated"]);
    expect(JSON.parse(events[3]!.changes!)).toMatchObject({ totalCents: [7140, 7650] });
    const moveYear = await appErrorOf(
      updateIssuedInvoice({
        db: testDb(),
        practitionerId: a.id,
        actorId: a.id,
        invoiceId: inv.id,
        input: { ...base, issueDate: "2027-01-01" },
      }),
    );
    expect(moveYear.fieldErrors.issueDate?.[0]).toMatch(/deve restare nel 2026/);
  });

  it("records a payment, voids without deleting, and never deletes an issued invoice", async () => {
    const inv = await createTestInvoice(testDb(), a.id, { patientId: a.patientId, issueDate: "2026-08-01" });
    const paid = await recordPayment({
      db: testDb(),
      practitionerId: a.id,
      actorId: a.id,
      invoiceId: inv.id,
      input: { paymentDate: "2026-08-02", paymentMethod: "carta" },
    });
    expect(paid).toMatchObject({ paymentDate: "2026-08-02", paymentMethod: "carta" });
    const notDeleted = await appErrorOf(deleteDraft({ db: testDb(), practitionerId: a.id, invoiceId: inv.id }));
    expect(notDeleted.code).toBe("conflict");
    const voided = await voidInvoice({
      db: testDb(),
      practitionerId: a.id,
      actorId: a.id,
      invoiceId: inv.id,
      input: { reason: "Emessa per errore" },
    });
    expect(voided).toMatchObject({ status: "void", number: inv.number, voidReason: "Emessa per errore" });
  });

  it("issues full and partial credit notes in their own series, never beyond the invoice total", async () => {
    const p = await newPractitioner("credit");
    const inv = await createTestInvoice(testDb(), p.id, {
      patientId: p.patientId,
      issueDate: "2026-09-01",
      lines: [{ ...SESSION_LINE, unitPrice: "80,00" }],
    });
    const partial = await createCreditNote({
      db: testDb(),
      practitionerId: p.id,
      actorId: p.id,
      invoiceId: inv.id,
      input: { mode: "partial", issueDate: "2026-09-10", amount: "20,00", description: "Rimborso parziale seduta" },
    });
    expect(partial).toMatchObject({
      kind: "credit_note",
      number: 1,
      year: 2026,
      totalCents: 2000,
      paymentDate: "2026-09-10",
      creditedInvoiceId: inv.id,
    });
    const tooMuch = await appErrorOf(
      createCreditNote({
        db: testDb(),
        practitionerId: p.id,
        actorId: p.id,
        invoiceId: inv.id,
        input: { mode: "full", issueDate: "2026-09-11" },
      }),
    );
    expect(tooMuch.fieldErrors._form?.[0]).toMatch(/supera quello ancora stornabile/);
    const second = await createCreditNote({
      db: testDb(),
      practitionerId: p.id,
      actorId: p.id,
      invoiceId: inv.id,
      input: { mode: "partial", issueDate: "2026-09-12", amount: "63,60", description: "Saldo" },
    });
    expect(second.number).toBe(2);
    const invoices = await testDb().invoice.findMany({
      where: { practitionerId: p.id, kind: "invoice", status: "issued" },
    });
    expect(invoices.map((i) => i.number)).toEqual([1]);
  });

  it("clones an invoice into a new draft and deletes drafts", async () => {
    const inv = await createTestInvoice(testDb(), a.id, { patientId: a.patientId, issueDate: "2026-10-01" });
    const clone = await cloneInvoice({
      db: testDb(),
      practitionerId: a.id,
      actorId: a.id,
      invoiceId: inv.id,
      now: new Date("2026-11-20T10:00:00Z"),
    });
    expect(clone).toMatchObject({ status: "draft", number: null, issueDate: "2026-11-20", totalCents: inv.totalCents });
    await deleteDraft({ db: testDb(), practitionerId: a.id, invoiceId: clone.id });
    expect(await testDb().invoice.findUnique({ where: { id: clone.id } })).toBeNull();
  });

  it("lists, searches and filters server-side", async () => {
    const p = await newPractitioner("list");
    const other = await createTestPatient(testDb(), p.id, { firstName: "Zoe", lastName: "Zanetti" });
    await createTestInvoice(testDb(), p.id, { patientId: p.patientId, issueDate: "2026-01-10" });
    const z = await createTestInvoice(testDb(), p.id, {
      patientId: other.id,
      issueDate: "2026-01-11",
      paymentDate: "2026-01-11",
      paymentMethod: "pos",
    });
    const byName = await findInvoicePage(testDb(), p.id, parseInvoiceFilters({ q: "ZANETTI" }));
    expect(byName.rows.map((r) => r.id)).toEqual([z.id]);
    const byNumber = await findInvoicePage(testDb(), p.id, parseInvoiceFilters({ q: "2/2026" }));
    expect(byNumber.rows.map((r) => r.id)).toEqual([z.id]);
    const unpaid = await findInvoicePage(testDb(), p.id, parseInvoiceFilters({ paid: "unpaid" }));
    expect(unpaid.total).toBe(1);
    const bogus = parseInvoiceFilters({ page: "-3", sort: "drop table", year: "abc" });
    expect(bogus).toMatchObject({ page: 1, sort: "date", year: undefined });
  });

  it("exports the filtered list as CSV with Italian amounts and neutralised formulas", async () => {
    const p = await newPractitioner("csv");
    const evil = await createTestPatient(testDb(), p.id, { firstName: '=HYPERLINK("x")', lastName: "Rossi" });
    await createTestInvoice(testDb(), p.id, { patientId: evil.id, issueDate: "2026-04-01" });
    const csv = await exportInvoicesCsv({ db: testDb(), practitionerId: p.id, filters: parseInvoiceFilters({}) });
    const lines = csv.replace("\uFEFF", "").trim().split("\r\n");
    expect(lines[0]).toBe(
      "Numero;Tipo;Data;Paziente;Codice fiscale;Onorari;Contributo;Bollo;Totale;Stato;Data pagamento;Metodo pagamento;Stato STS",
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("1/2026;Fattura;01/04/2026;");
    expect(lines[1]).toContain(";70,00;1,40;0,00;71,40;Da pagare;");
    expect(lines[1]).not.toMatch(/;=HYPERLINK/);
  });

  it("exports credit notes as negative amounts, voided invoices as zero, and the STS state in Italian", async () => {
    const p = await newPractitioner("csv-signs");
    const credited = await createTestInvoice(testDb(), p.id, {
      patientId: p.patientId,
      issueDate: "2026-05-04",
      paymentDate: "2026-05-04",
      paymentMethod: "carta",
    });
    const voided = await createTestInvoice(testDb(), p.id, { patientId: p.patientId, issueDate: "2026-05-05" });
    await voidInvoice({
      db: testDb(),
      practitionerId: p.id,
      actorId: p.id,
      invoiceId: voided.id,
      input: { reason: "Emessa per errore" },
    });
    await createCreditNote({
      db: testDb(),
      practitionerId: p.id,
      actorId: p.id,
      invoiceId: credited.id,
      input: { mode: "partial", issueDate: "2026-05-06", amount: "50,50", description: "Rimborso" },
    });
    const csv = await exportInvoicesCsv({ db: testDb(), practitionerId: p.id, filters: parseInvoiceFilters({}) });
    const lines = csv.replace("\uFEFF", "").trim().split("\r\n");
    const credit = lines.find((l) => l.includes(";Nota di credito;"))!;
    expect(credit).toContain(";-50,50;");
    expect(credit).not.toContain("'-");
    const voidLine = lines.find((l) => l.includes(";Annullata;"))!;
    expect(voidLine).toContain(";0,00;0,00;0,00;0,00;Annullata;");
    const paidLine = lines.find((l) => l.startsWith("1/2026;Fattura;"))!;
    expect(paidLine).toContain(";71,40;");
    // The STS column speaks Italian, never the internal codes.
    for (const line of lines.slice(1)) {
      expect(line).not.toMatch(/;(accepted|to_send|not_eligible|not_applicable|rejected|failed)$/);
      expect(line.split(";").at(-1)).toMatch(/^(Non inviabile|Da inviare|Non soggetto a STS|Inviato.*)$/);
    }
  });

  it("dashboard: a credit note reduces both the invoiced and the collected figures", async () => {
    const p = await newPractitioner("dashboard");
    const paid = await createTestInvoice(testDb(), p.id, {
      patientId: p.patientId,
      issueDate: "2026-06-03",
      paymentDate: "2026-06-03",
      paymentMethod: "carta",
    });
    await createCreditNote({
      db: testDb(),
      practitionerId: p.id,
      actorId: p.id,
      invoiceId: paid.id,
      input: { mode: "partial", issueDate: "2026-06-10", amount: "20,00", description: "Rimborso" },
    });
    const figures = await getDashboard({ db: testDb(), practitionerId: p.id, year: 2026 });
    expect(figures.invoicedCents).toBe(7140 - 2000);
    expect(figures.collectedCents).toBe(7140 - 2000);
    expect(figures.months[5]!.collectedCents).toBe(7140 - 2000);
  });

  it("renders the PDF with the key fields", async () => {
    const inv = await createTestInvoice(testDb(), a.id, {
      patientId: a.patientId,
      issueDate: "2026-11-02",
      paymentDate: "2026-11-02",
      paymentMethod: "carta",
      opposition: true,
    });
    const { pdf, fileName } = await renderInvoicePdfFor({ db: testDb(), practitionerId: a.id, invoiceId: inv.id });
    expect(fileName).toBe(`fattura-${inv.number}-2026.pdf`);
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text).toContain(`${inv.number}/2026`);
    expect(text).toContain("71,40");
    expect(text).toContain("Dott.ssa Maria Motta");
    expect(text).toMatch(/opposizione/);
  });

  it("isolates practitioners: B cannot read, change, pay, void, credit, clone or export A's invoices", async () => {
    const inv = await createTestInvoice(testDb(), a.id, { patientId: a.patientId, issueDate: "2026-11-03" });
    const ctx = { db: testDb(), practitionerId: b.id, actorId: b.id, invoiceId: inv.id };
    const attempts = [
      () => getInvoiceOrThrow(ctx),
      () =>
        updateIssuedInvoice({
          ...ctx,
          input: { patientId: b.patientId, issueDate: "2026-11-03", lines: [SESSION_LINE], opposition: false },
        }),
      () => recordPayment({ ...ctx, input: { paymentDate: "2026-11-03", paymentMethod: "contanti" } }),
      () => voidInvoice({ ...ctx, input: { reason: "tentativo" } }),
      () => createCreditNote({ ...ctx, input: { mode: "full", issueDate: "2026-11-04" } }),
      () => cloneInvoice(ctx),
      () => deleteDraft(ctx),
      () => renderInvoicePdfFor(ctx),
    ];
    for (const attempt of attempts) expect((await appErrorOf(attempt())).userMessage).toBe("Fattura non trovata.");
    // B cannot bill A's patient either.
    const foreignPatient = await appErrorOf(
      saveInvoiceDraft({
        db: testDb(),
        practitionerId: b.id,
        actorId: b.id,
        input: { patientId: a.patientId, issueDate: "2026-11-03", lines: [SESSION_LINE] },
      }),
    );
    expect(foreignPatient.fieldErrors.patientId?.[0]).toBe("Paziente non trovato.");
    const bList = await findInvoicePage(testDb(), b.id, parseInvoiceFilters({}));
    expect(bList.rows.find((r) => r.id === inv.id)).toBeUndefined();
    const csv = await exportInvoicesCsv({ db: testDb(), practitionerId: b.id, filters: parseInvoiceFilters({}) });
    expect(csv).not.toContain(`${inv.number}/2026;`);
    const unchanged = await getInvoiceOrThrow({ db: testDb(), practitionerId: a.id, invoiceId: inv.id });
    expect(unchanged).toMatchObject({ status: "issued", paymentDate: null, totalCents: inv.totalCents });
  });
});
