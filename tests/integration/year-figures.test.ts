import { beforeAll, describe, expect, it } from "vitest";
import { createCreditNote } from "../../lib/services/invoices/create-credit-note";
import { voidInvoice } from "../../lib/services/invoices/void-invoice";
import { getYearFigures } from "../../lib/services/figures/year-figures";
import { saveFiguresSettings } from "../../lib/services/figures/save-figures-settings";
import { createTestInvoice, SESSION_LINE } from "../../prisma/seed/factories/invoices";
import { createTestPatient } from "../../prisma/seed/factories/patients";
import { createTestProfile } from "../../prisma/seed/factories/profiles";
import { registerTestPractitioner, testDb } from "./test-db";

const paid = (date: string) => ({ paymentDate: date, paymentMethod: "bonifico" as const });
const line = (price: string) => ({ lines: [{ ...SESSION_LINE, unitPrice: price }] });

// A hand-computed fixture (every figure below was worked out on paper from these documents):
// 2025-06-01  A  70,00  paid 2025-06-01, credited in full on 2026-01-20 → its refund counts in 2026
// 2025-12-20  B  70,00  paid 2026-01-08                          → 2026 (January)
// 2026-02-01  C  80,00  paid the same day, bollo "BOLLO-Q1", partly credited 20,00 on 2026-02-10
// 2026-03-01  D  70,00  never paid, credited in full on 2026-03-05 → neither counts
// 2026-04-15  E 150,00  paid 2026-07-03, bollo "BOLLO-Q3"       → 2026 (July)
// 2026-05-01  F  70,00  paid, then voided                        → never counts
// a draft with a payment date, and practitioner B's paid invoices → never count
describe("the year's figures on a cash basis", () => {
  let a: string;

  beforeAll(async () => {
    const db = testDb();
    a = (await registerTestPractitioner("figures-a")).id;
    const b = (await registerTestPractitioner("figures-b")).id;
    await createTestProfile(db, a);
    await createTestProfile(db, b);
    const patientId = (await createTestPatient(db, a)).id;
    const otherPatient = (await createTestPatient(db, b)).id;
    await createTestInvoice(db, b, { patientId: otherPatient, issueDate: "2026-03-03", ...paid("2026-03-03") });
    const issue = async (issueDate: string, extra: object = {}) =>
      (await createTestInvoice(db, a, { patientId, issueDate, ...extra })).id;
    const invA = await issue("2025-06-01", paid("2025-06-01"));
    await issue("2025-12-20", paid("2026-01-08"));
    const invC = await issue("2026-02-01", { ...line("80,00"), ...paid("2026-02-01"), bolloIdentifier: "BOLLO-Q1" });
    const invD = await issue("2026-03-01");
    await issue("2026-04-15", { ...line("150,00"), ...paid("2026-07-03"), bolloIdentifier: "BOLLO-Q3" });
    const invF = await issue("2026-05-01", paid("2026-05-01"));
    await createTestInvoice(db, a, { patientId, issueDate: "2026-12-01", ...paid("2026-12-01"), issue: false });
    const actor = { db, practitionerId: a, actorId: a };
    await voidInvoice({ ...actor, invoiceId: invF, input: { reason: "Emessa per errore" } });
    await createCreditNote({ ...actor, invoiceId: invA, input: { mode: "full", issueDate: "2026-01-20" } });
    const partial = { mode: "partial", issueDate: "2026-02-10", amount: "20,00", description: "Rimborso parziale" };
    await createCreditNote({ ...actor, invoiceId: invC, input: partial });
    await createCreditNote({ ...actor, invoiceId: invD, input: { mode: "full", issueDate: "2026-03-05" } });
  });

  it("matches the hand-computed 2026", async () => {
    const { figures } = await getYearFigures({ db: testDb(), practitionerId: a, year: 2026 });
    expect(figures.invoices).toEqual({
      count: 3,
      feesCents: 30000,
      pensionCents: 600,
      bolloCents: 400,
      totalCents: 31000,
    });
    expect(figures.creditNotes).toEqual({
      count: 2,
      feesCents: 9000,
      pensionCents: 140,
      bolloCents: 0,
      totalCents: 9140,
    });
    expect(figures.net).toEqual({ count: 1, feesCents: 21000, pensionCents: 460, bolloCents: 400, totalCents: 21860 });
    expect(figures.bolli).toEqual({ count: 2, amountCents: 400, identifiers: ["BOLLO-Q1", "BOLLO-Q3"] });
    const months = Object.fromEntries(figures.months.map((m) => [m.month, [m.feesCents, m.totalCents]]));
    expect(months).toEqual({
      1: [0, 0],
      2: [6000, 6360],
      3: [0, 0],
      4: [0, 0],
      5: [0, 0],
      6: [0, 0],
      7: [15000, 15500],
      8: [0, 0],
      9: [0, 0],
      10: [0, 0],
      11: [0, 0],
      12: [0, 0],
    });
    expect(figures.limits.countedCents).toBe(21000);
    expect(figures.limits.lower).toMatchObject({ limitCents: 8_500_000, state: "below" });
    expect(figures.limits.upper).toMatchObject({ limitCents: 10_000_000, state: "below" });
  });

  it("counts payments in the year they were made", async () => {
    const db = testDb();
    const y2025 = (await getYearFigures({ db, practitionerId: a, year: 2025 })).figures;
    expect(y2025.net).toEqual({ count: 1, feesCents: 7000, pensionCents: 140, bolloCents: 0, totalCents: 7140 });
    const y2024 = (await getYearFigures({ db, practitionerId: a, year: 2024 })).figures;
    expect(y2024.net).toEqual({ count: 0, feesCents: 0, pensionCents: 0, bolloCents: 0, totalCents: 0 });
  });

  it("what counts toward the limits, and the limits, are the practitioner's choice", async () => {
    const db = testDb();
    const input = { countPension: true, countBolli: true, lowerLimit: "210,00", upperLimit: "240,00" };
    await saveFiguresSettings({ db, practitionerId: a, input });
    const { figures } = await getYearFigures({ db, practitionerId: a, year: 2026 });
    expect(figures.limits.countedCents).toBe(21860);
    expect(figures.limits.lower.state).toBe("over");
    expect(figures.limits.upper.state).toBe("near");
  });
});
