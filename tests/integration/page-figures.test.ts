import { describe, expect, it } from "vitest";
import { sumIssuedByMonth } from "../../lib/data/dashboard-months";
import { invoiceYears } from "../../lib/data/invoice-list";
import { hasIssuedDocument } from "../../lib/data/invoices";
import { findOpenDifferences } from "../../lib/data/sts-reconciliation";
import { createCreditNote } from "../../lib/services/invoices/create-credit-note";
import { getDashboard } from "../../lib/services/invoices/dashboard";
import { voidInvoice } from "../../lib/services/invoices/void-invoice";
import { createTestInvoice } from "../../prisma/seed/factories/invoices";
import { createTestPatient } from "../../prisma/seed/factories/patients";
import { createTestProfile } from "../../prisma/seed/factories/profiles";
import { registerTestPractitioner, testDb } from "./test-db";

async function newPractitioner(label: string) {
  const p = await registerTestPractitioner(label);
  await createTestProfile(testDb(), p.id);
  const patient = await createTestPatient(testDb(), p.id);
  return { id: p.id, patientId: patient.id };
}

describe("the figures the home page and the list read on every visit", () => {
  it("adds issued invoices, subtracts credit notes, leaves out drafts, voided documents, other years and practices", async () => {
    const p = await newPractitioner("dashboard-months");
    const other = await newPractitioner("dashboard-months-other");
    const invoice = (issueDate: string, paymentDate?: string) =>
      createTestInvoice(testDb(), p.id, {
        patientId: p.patientId,
        issueDate,
        ...(paymentDate ? { paymentDate, paymentMethod: "carta" as const } : {}),
      });
    // 71,40 each (70,00 + 2 % pension fund), created in date order: the series are numbered chronologically.
    await invoice("2024-12-30", "2025-01-05"); // invoiced in 2024, collected in January 2025
    const refunded = await invoice("2025-02-10", "2025-03-01");
    const voided = await invoice("2025-02-11", "2025-02-11");
    await invoice("2025-02-20"); // unpaid
    await createCreditNote({
      db: testDb(),
      practitionerId: p.id,
      actorId: p.id,
      invoiceId: refunded.id,
      input: { mode: "partial", issueDate: "2025-04-15", amount: "20,00", description: "Rimborso" },
    });
    await invoice("2025-05-05", "2026-01-10"); // collected the next year
    await invoice("2025-12-31", "2025-12-31");
    await voidInvoice({
      db: testDb(),
      practitionerId: p.id,
      actorId: p.id,
      invoiceId: voided.id,
      input: { reason: "Emessa per errore" },
    });
    await createTestInvoice(testDb(), p.id, { patientId: p.patientId, issueDate: "2025-02-12", issue: false });
    await createTestInvoice(testDb(), other.id, {
      patientId: other.patientId,
      issueDate: "2025-02-10",
      paymentDate: "2025-02-10",
      paymentMethod: "carta",
    });
    // Another practice's unpaid invoice and draft count for nothing here.
    await createTestInvoice(testDb(), other.id, { patientId: other.patientId, issueDate: "2025-02-11" });
    await createTestInvoice(testDb(), other.id, { patientId: other.patientId, issueDate: "2025-02-12", issue: false });

    const sums = await sumIssuedByMonth(testDb(), p.id, 2025);
    expect(Object.fromEntries(sums.invoiced)).toEqual({ 2: 2 * 7140, 4: -2000, 5: 7140, 12: 7140 });
    expect(Object.fromEntries(sums.collected)).toEqual({ 1: 7140, 3: 7140, 4: -2000, 12: 7140 });

    const figures = await getDashboard({ db: testDb(), practitionerId: p.id, year: 2025 });
    expect(figures.invoicedCents).toBe(4 * 7140 - 2000);
    expect(figures.collectedCents).toBe(3 * 7140 - 2000);
    expect(figures.months.map((m) => m.invoicedCents)).toEqual([0, 14280, 0, -2000, 7140, 0, 0, 0, 0, 0, 0, 7140]);
    expect(figures.months.map((m) => m.collectedCents)).toEqual([7140, 0, 7140, -2000, 0, 0, 0, 0, 0, 0, 0, 7140]);
    expect(figures).toMatchObject({ unpaidCents: 7140, unpaidCount: 1, draftCount: 1 });
    expect(Object.fromEntries((await sumIssuedByMonth(testDb(), p.id, 2024)).invoiced)).toEqual({ 12: 7140 });
    expect(await sumIssuedByMonth(testDb(), p.id, 2023)).toEqual({ invoiced: new Map(), collected: new Map() });
  });

  it("the list's year filter offers the years of numbered documents, newest first, of this practice only", async () => {
    const p = await newPractitioner("invoice-years");
    const other = await newPractitioner("invoice-years-other");
    await createTestInvoice(testDb(), p.id, { patientId: p.patientId, issueDate: "2023-05-02" });
    await createTestInvoice(testDb(), p.id, { patientId: p.patientId, issueDate: "2023-06-02" });
    await createTestInvoice(testDb(), p.id, { patientId: p.patientId, issueDate: "2025-01-10" });
    await createTestInvoice(testDb(), p.id, { patientId: p.patientId, issueDate: "2021-11-30" });
    await createTestInvoice(testDb(), p.id, { patientId: p.patientId, issueDate: "2024-03-01", issue: false }); // no number
    await createTestInvoice(testDb(), other.id, { patientId: other.patientId, issueDate: "2022-03-01" });
    expect(await invoiceYears(testDb(), p.id)).toEqual([2025, 2023, 2021]);
    expect(await invoiceYears(testDb(), (await newPractitioner("invoice-years-none")).id)).toEqual([]);
  });

  it("the home page's checklist and differences banner: an issued document, the years left with differences, of this practice only", async () => {
    const p = await newPractitioner("home-reads");
    const other = await newPractitioner("home-reads-other");
    await createTestInvoice(testDb(), other.id, { patientId: other.patientId, issueDate: "2025-02-11" });
    expect(await hasIssuedDocument(testDb(), p.id)).toBe(false);
    await createTestInvoice(testDb(), p.id, { patientId: p.patientId, issueDate: "2025-02-12", issue: false });
    expect(await hasIssuedDocument(testDb(), p.id)).toBe(false); // a draft is not one
    await createTestInvoice(testDb(), p.id, { patientId: p.patientId, issueDate: "2025-02-13" });
    expect(await hasIssuedDocument(testDb(), p.id)).toBe(true);

    const checked = (practitionerId: string, year: number, differences: number) =>
      testDb().stsReconciliation.create({
        data: { practitionerId, year, differences, checkedAt: new Date(), details: "[]", trigger: "manual" },
      });
    await checked(p.id, 2023, 1);
    await checked(p.id, 2024, 0); // all fixed
    await checked(p.id, 2025, 3);
    await checked(other.id, 2022, 5);
    expect(await findOpenDifferences(testDb(), p.id)).toEqual([
      { year: 2025, differences: 3 },
      { year: 2023, differences: 1 },
    ]);
    expect(await findOpenDifferences(testDb(), (await newPractitioner("home-reads-none")).id)).toEqual([]);
  });
});
