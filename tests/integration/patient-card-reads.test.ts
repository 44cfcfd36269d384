import { describe, expect, it } from "vitest";
import { findPaidDocumentRows, listPatientInvoiceRows } from "../../lib/data/patient-invoices";
import { findPatient } from "../../lib/data/patients";
import { createCreditNote } from "../../lib/services/invoices/create-credit-note";
import { voidInvoice } from "../../lib/services/invoices/void-invoice";
import { createTestInvoice } from "../../prisma/seed/factories/invoices";
import { createTestPatient } from "../../prisma/seed/factories/patients";
import { stsPractitioner } from "./sts-harness";
import { testDb } from "./test-db";

type Reader = Parameters<typeof findPatient>[0];

// The patient card's reads are hand-written on the driver (lib/data/direct-sql.ts): each returns what Prisma's model
// API returns for the same question — booleans as booleans, dates as dates, in the same order — outside and inside a
// transaction, and nothing of another practitioner's.
describe("the patient card's reads on the driver", () => {
  it("return the patient and its invoices exactly as Prisma's model API does", async () => {
    const p = await stsPractitioner("card-reads");
    const other = await stsPractitioner("card-reads-other");
    const db = testDb();
    const patient = await createTestPatient(db, p.id, {
      firstName: "Lucia",
      lastName: "Neri",
      email: "l@example.test",
    });
    await db.patient.update({
      where: { id: patient.id },
      data: { opposesSts: true, opposesStsSince: "2026-01-02", archivedAt: new Date("2026-06-01T10:00:00.250Z") },
    });
    const actor = { db, practitionerId: p.id, actorId: p.id };
    const paid = (date: string) => ({ issueDate: date, paymentDate: date, paymentMethod: "pos" as const });
    const a = await createTestInvoice(db, p.id, { patientId: patient.id, ...paid("2025-03-10") });
    const b = await createTestInvoice(db, p.id, { patientId: patient.id, ...paid("2026-02-01") });
    const unpaid = await createTestInvoice(db, p.id, { patientId: patient.id, issueDate: "2026-03-01" });
    await createTestInvoice(db, p.id, { patientId: patient.id, ...paid("2026-04-01"), issue: false });
    const voided = await createTestInvoice(db, p.id, { patientId: patient.id, ...paid("2026-04-02") });
    await voidInvoice({ ...actor, invoiceId: voided.id, input: { reason: "Doppia" } });
    const refund = { mode: "partial", issueDate: "2026-02-10", amount: "20,00", description: "Rimborso" } as const;
    await createCreditNote({ ...actor, invoiceId: b.id, input: refund });
    await createCreditNote({ ...actor, invoiceId: unpaid.id, input: { mode: "full", issueDate: "2026-03-05" } });
    expect(a.id).toBeTruthy();

    const where = { practitionerId: p.id, patientId: patient.id };
    const paidWhere = (year?: number) => ({
      ...where,
      status: "issued",
      paymentDate: year ? { gte: `${year}-01-01`, lte: `${year}-12-31` } : { not: null },
      OR: [
        { kind: "invoice" },
        {
          kind: "credit_note",
          creditedInvoice: { practitionerId: p.id, status: "issued", paymentDate: { not: null } },
        },
      ],
    });
    const documentFields = {
      id: true,
      kind: true,
      status: true,
      year: true,
      number: true,
      issueDate: true,
      paymentDate: true,
      totalCents: true,
    } as const;
    const paidDocuments = (year?: number) =>
      db.invoice.findMany({
        where: paidWhere(year),
        orderBy: [{ paymentDate: "asc" }, { issueDate: "asc" }, { createdAt: "asc" }],
        select: {
          ...documentFields,
          paymentMethod: true,
          creditedInvoice: { select: { kind: true, status: true, number: true, year: true } },
        },
      });
    const viaPrisma = {
      patient: await db.patient.findFirst({ where: { id: patient.id, practitionerId: p.id } }),
      invoices: await db.invoice.findMany({
        where,
        orderBy: [{ issueDate: "desc" }, { createdAt: "desc" }],
        select: { ...documentFields, stsState: true, stsReason: true, stsEverHeld: true },
      }),
      paid: await paidDocuments(),
      paid2026: await paidDocuments(2026),
    };
    // The set covers what each read must tell apart: drafts and voided documents listed but not paid, the credit note
    // of an unpaid invoice left out of the paid ones, the refund of a paid one kept with its original's number.
    expect(viaPrisma.patient?.opposesSts).toBe(true);
    expect(viaPrisma.invoices).toHaveLength(7);
    expect(viaPrisma.paid.map((d) => d.kind)).toEqual(["invoice", "invoice", "credit_note"]);
    expect(viaPrisma.paid2026).toHaveLength(2);
    expect(viaPrisma.paid2026[1]?.creditedInvoice).toMatchObject({ kind: "invoice", status: "issued" });

    const read = (on: Reader, practitionerId: string) =>
      Promise.all([
        findPatient(on, practitionerId, patient.id),
        listPatientInvoiceRows(on, practitionerId, patient.id),
        findPaidDocumentRows(on, practitionerId, patient.id),
        findPaidDocumentRows(on, practitionerId, patient.id, 2026),
      ]).then(([patient, invoices, paid, paid2026]) => ({ patient, invoices, paid, paid2026 }));
    expect(await read(db, p.id)).toEqual(viaPrisma);
    expect(await db.$transaction((tx) => read(tx, p.id))).toEqual(viaPrisma);
    expect(await read(db, other.id)).toEqual({ patient: null, invoices: [], paid: [], paid2026: [] });
  });
});
