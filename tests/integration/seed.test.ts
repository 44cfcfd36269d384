import { describe, expect, it } from "vitest";
import { summarizePatientExpenses } from "../../lib/services/patients/expense-statement";
import { DEMO_EMAIL, seedDemo } from "../../prisma/seed/seed";
import { testDb } from "./test-db";

async function countDocuments(practitionerId: string) {
  const db = testDb();
  const [patients, invoices, creditNotes, voided, unpaid] = await Promise.all([
    db.patient.count({ where: { practitionerId } }),
    db.invoice.count({ where: { practitionerId, kind: "invoice" } }),
    db.invoice.count({ where: { practitionerId, kind: "credit_note", status: "issued" } }),
    db.invoice.count({ where: { practitionerId, status: "void" } }),
    db.invoice.count({ where: { practitionerId, kind: "invoice", status: "issued", paymentDate: null } }),
  ]);
  return { patients, invoices, creditNotes, voided, unpaid };
}

describe("demo seed", () => {
  it("creates the demo practice once, through the services, and is a no-op the second time", async () => {
    const first = await seedDemo(testDb(), { now: new Date("2026-11-26T09:00:00Z") });
    expect(first).toMatchObject({ created: true, patients: 15, invoices: 60, creditNotes: 1, voided: 1 });
    const practitioner = await testDb().practitioner.findUniqueOrThrow({
      where: { email: DEMO_EMAIL },
      include: { profile: true },
    });
    expect(practitioner.profile?.codiceFiscale).toBe("MTOMRA66A41G224M");
    const counts = await countDocuments(practitioner.id);
    expect(counts).toEqual({ patients: 15, invoices: 60, creditNotes: 1, voided: 1, unpaid: 4 });

    // Every invoice was issued, numbered without gaps per year, in date order.
    const issued = await testDb().invoice.findMany({
      where: { practitionerId: practitioner.id, kind: "invoice" },
      orderBy: [{ year: "asc" }, { number: "asc" }],
      select: { year: true, number: true, issueDate: true },
    });
    for (const year of [2025, 2026]) {
      const ofYear = issued.filter((i) => i.year === year);
      expect(ofYear.map((i) => i.number)).toEqual(ofYear.map((_, index) => index + 1));
      expect(ofYear.map((i) => i.issueDate)).toEqual(ofYear.map((i) => i.issueDate).sort());
    }
    expect(await testDb().patient.count({ where: { practitionerId: practitioner.id, opposesSts: true } })).toBe(2);
    expect(await testDb().patient.count({ where: { practitionerId: practitioner.id, foreign: true } })).toBe(1);
    expect(await testDb().patient.count({ where: { practitionerId: practitioner.id, kind: "company" } })).toBe(1);

    const second = await seedDemo(testDb());
    expect(second).toEqual({ created: false, practitionerId: practitioner.id });
    expect(await countDocuments(practitioner.id)).toEqual(counts);
  });

  it("gives the demo patients annual expense statements", async () => {
    const { id: practitionerId } = await testDb().practitioner.findUniqueOrThrow({ where: { email: DEMO_EMAIL } });
    const patients = await testDb().patient.findMany({
      where: { practitionerId, kind: "person" },
      select: { id: true },
    });
    const years = new Set<number>();
    for (const { id } of patients) {
      for (const summary of await summarizePatientExpenses({ db: testDb(), practitionerId, patientId: id }))
        years.add(summary.year);
    }
    expect([...years].sort()).toEqual([2025, 2026]);
  });
});
