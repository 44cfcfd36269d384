import { beforeAll, describe, expect, it } from "vitest";
import { findAllInvoices, findInvoicePage } from "../../lib/data/invoice-list";
import { parseInvoiceFilters } from "../../lib/schemas/invoice-filters";
import { createCreditNote } from "../../lib/services/invoices/create-credit-note";
import { voidInvoice } from "../../lib/services/invoices/void-invoice";
import { createTestInvoice, SESSION_LINE } from "../../prisma/seed/factories/invoices";
import { createTestPatient } from "../../prisma/seed/factories/patients";
import { createTestProfile } from "../../prisma/seed/factories/profiles";
import { registerTestPractitioner, testDb } from "./test-db";

// The invoice list's statements are hand-written (lib/data/invoice-list.ts): every filter, sort and page of the
// list screen and its CSV export, on both databases, scoped to one practitioner.

type Query = Record<string, string>;

async function practitioner(label: string) {
  const p = await registerTestPractitioner(label);
  await createTestProfile(testDb(), p.id);
  return p.id;
}

describe("invoice list", () => {
  let me: string;
  let ids: Record<"rossi2025" | "bianchi" | "verdi" | "draft" | "credit" | "voided" | "others", string>;

  const page = (query: Query = {}, practitionerId = me) =>
    findInvoicePage(testDb(), practitionerId, parseInvoiceFilters(query));
  const idsOf = async (query: Query = {}) => (await page(query)).rows.map((r) => r.id);

  beforeAll(async () => {
    me = await practitioner("list-me");
    const rossi = await createTestPatient(testDb(), me, { firstName: "Mario", lastName: "Rossi" });
    const bianchi = await createTestPatient(testDb(), me, { firstName: "Anna", lastName: "Bianchi" });
    const verdi = await createTestPatient(testDb(), me, { firstName: "Luca", lastName: "Verdi" });
    const paid = (date: string) => ({ issueDate: date, paymentDate: date, paymentMethod: "pos" as const });
    const rossi2025 = await createTestInvoice(testDb(), me, { patientId: rossi.id, ...paid("2025-03-01") });
    const bianchiInvoice = await createTestInvoice(testDb(), me, {
      patientId: bianchi.id,
      issueDate: "2026-01-10",
      lines: [SESSION_LINE, { ...SESSION_LINE, unitPrice: "90,00" }],
    });
    const verdiInvoice = await createTestInvoice(testDb(), me, { patientId: verdi.id, ...paid("2026-02-05") });
    const draft = await createTestInvoice(testDb(), me, { patientId: verdi.id, issueDate: "2026-02-06", issue: false });
    const credit = await createCreditNote({
      db: testDb(),
      practitionerId: me,
      actorId: me,
      invoiceId: verdiInvoice.id,
      input: { mode: "partial", issueDate: "2026-02-07", amount: "10,00", description: "Rimborso" },
    });
    const voided = await createTestInvoice(testDb(), me, { patientId: rossi.id, issueDate: "2026-02-08" });
    await voidInvoice({
      db: testDb(),
      practitionerId: me,
      actorId: me,
      invoiceId: voided.id,
      input: { reason: "Doppia" },
    });

    // Another practitioner, with a patient of the same name.
    const other = await practitioner("list-other");
    const otherRossi = await createTestPatient(testDb(), other, { firstName: "Mario", lastName: "Rossi" });
    const others = await createTestInvoice(testDb(), other, { patientId: otherRossi.id, issueDate: "2025-03-01" });

    ids = {
      rossi2025: rossi2025.id,
      bianchi: bianchiInvoice.id,
      verdi: verdiInvoice.id,
      draft: draft.id,
      credit: credit.id,
      voided: voided.id,
      others: others.id,
    };
  });

  it("shows one practitioner's documents, newest first, with the patient and the amounts", async () => {
    const all = await page();
    expect(all.rows.map((r) => r.id)).toEqual([
      ids.voided,
      ids.credit,
      ids.draft,
      ids.verdi,
      ids.bianchi,
      ids.rossi2025,
    ]);
    expect(all).toMatchObject({ total: 6, page: 1, pageCount: 1 });
    expect(all.rows.find((r) => r.id === ids.bianchi)).toMatchObject({
      kind: "invoice",
      status: "issued",
      year: 2026,
      number: 1,
      issueDate: "2026-01-10",
      paymentDate: null,
      subtotalCents: 16000,
      patient: { kind: "person", firstName: "Anna", lastName: "Bianchi", companyName: null },
    });
    expect(all.rows.find((r) => r.id === ids.credit)).toMatchObject({ kind: "credit_note", totalCents: 1000 });
    expect(all.rows.find((r) => r.id === ids.draft)).toMatchObject({ status: "draft", year: null, number: null });
    expect(all.rows.find((r) => r.id === ids.rossi2025)).toMatchObject({
      paymentDate: "2025-03-01",
      paymentMethod: "pos",
    });
    expect(await idsOf({ dir: "asc" })).toEqual([...all.rows.map((r) => r.id)].reverse());
  });

  it("sorts by number, total and patient, both ways", async () => {
    const invoices = { status: "issued", kind: "invoice" };
    expect(await idsOf({ ...invoices, sort: "number", dir: "asc" })).toEqual([ids.rossi2025, ids.bianchi, ids.verdi]);
    expect(await idsOf({ ...invoices, sort: "number", dir: "desc" })).toEqual([ids.verdi, ids.bianchi, ids.rossi2025]);
    const byTotal = (await page({ sort: "total", dir: "desc" })).rows;
    expect(byTotal[0]!.id).toBe(ids.bianchi);
    const totals = byTotal.map((r) => r.totalCents);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    const ascTotals = (await page({ sort: "total", dir: "asc" })).rows.map((r) => r.totalCents);
    expect(ascTotals).toEqual([...ascTotals].sort((a, b) => a - b));
    const names = (await page({ sort: "patient", dir: "asc" })).rows.map((r) => r.patient.lastName);
    expect(names).toEqual(["Bianchi", "Rossi", "Rossi", "Verdi", "Verdi", "Verdi"]);
    const desc = (await page({ sort: "patient", dir: "desc" })).rows.map((r) => r.patient.lastName);
    expect(desc).toEqual(["Verdi", "Verdi", "Verdi", "Rossi", "Rossi", "Bianchi"]);
  });

  it("filters by year, status, kind, payment and STS state; unpaid means issued invoices without payment", async () => {
    expect(await idsOf({ year: "2025" })).toEqual([ids.rossi2025]);
    expect(await idsOf({ status: "draft" })).toEqual([ids.draft]);
    expect(await idsOf({ status: "void" })).toEqual([ids.voided]);
    expect(await idsOf({ kind: "credit_note" })).toEqual([ids.credit]);
    expect(await idsOf({ paid: "unpaid" })).toEqual([ids.bianchi]);
    expect(await idsOf({ paid: "unpaid", status: "draft", kind: "credit_note" })).toEqual([ids.bianchi]);
    const paid = (await page({ paid: "paid" })).rows;
    expect(paid.map((r) => r.id)).toEqual(expect.arrayContaining([ids.verdi, ids.rossi2025]));
    expect(paid.every((r) => r.paymentDate !== null)).toBe(true);
    const all = (await page()).rows;
    for (const state of new Set(all.map((r) => r.stsState))) {
      const expected = all.filter((r) => r.stsState === state).map((r) => r.id);
      expect(await idsOf({ sts: state })).toEqual(expected);
    }
    expect(await idsOf({ sts: "nothing-like-this" })).toEqual([]);
    expect((await page({ year: "2024" })).total).toBe(0);
  });

  it("keeps a selection to the practitioner's own documents", async () => {
    expect(await idsOf({ ids: [ids.rossi2025, ids.others].join(",") })).toEqual([ids.rossi2025]);
    expect(await idsOf({ ids: ids.others })).toEqual([]);
    expect((await page({}, ids.others)).rows).toEqual([]);
  });

  it("searches the patient's text and the document number; % and _ are plain characters", async () => {
    expect(await idsOf({ q: "rossi" })).toEqual([ids.voided, ids.rossi2025]);
    expect(await idsOf({ q: "RoSSi" })).toEqual([ids.voided, ids.rossi2025]);
    expect(await idsOf({ q: "bianchi", year: "2025" })).toEqual([]);
    expect(await idsOf({ q: "1/2025" })).toEqual([ids.rossi2025]);
    expect(await idsOf({ q: "NC 1/2026" })).toEqual([ids.credit]);
    expect(await idsOf({ q: "2" })).toContain(ids.verdi);
    expect(await idsOf({ q: "%" })).toEqual([]);
    expect(await idsOf({ q: "_" })).toEqual([]);
    expect(await idsOf({ q: "ross%" })).toEqual([]);
    const found = await page({ q: "verdi", sort: "patient" });
    expect(found.total).toBe(3);
  });

  it("pages through long lists without losing or repeating a row, and the export reads them all in order", async () => {
    const busy = await practitioner("list-pages");
    const patient = await createTestPatient(testDb(), busy);
    for (let i = 0; i < 27; i++) {
      await createTestInvoice(testDb(), busy, { patientId: patient.id, issueDate: "2026-04-01", issue: i % 3 !== 0 });
    }
    const first = await page({}, busy);
    const second = await page({ page: "2" }, busy);
    expect(first).toMatchObject({ total: 27, pageCount: 2 });
    expect(first.rows).toHaveLength(25);
    expect(second.rows).toHaveLength(2);
    const seen = [...first.rows, ...second.rows].map((r) => r.id);
    expect(new Set(seen).size).toBe(27);
    expect((await page({ page: "3" }, busy)).rows).toEqual([]);
    expect((await page({ size: "50" }, busy)).rows.map((r) => r.id)).toEqual(seen);
    const exported: string[] = [];
    for await (const row of findAllInvoices(testDb(), busy, parseInvoiceFilters({}))) exported.push(row.id);
    expect(exported).toEqual(seen);
  });
});
