import { describe, expect, it } from "vitest";
import { findStsInvoices } from "../../lib/data/sts-documents";
import { statusOf } from "../../lib/services/sts/refresh-sts-state";
import { createTestInvoice, SESSION_LINE } from "../../prisma/seed/factories/invoices";
import { stsPractitioner } from "./sts-harness";
import { testDb } from "./test-db";

// findStsInvoices reads documents, patients, originals and lines in one statement (lib/data/sts-documents.ts).
describe("STS documents as the transmission services read them", () => {
  it("pages by document (not by line), keeps each document's lines in order, and joins its original", async () => {
    const p = await stsPractitioner("sts-docs");
    const lines = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        ...SESSION_LINE,
        description: `Seduta ${i + 1}`,
        unitPrice: `${10 * (i + 1)},00`,
      }));
    const first = await createTestInvoice(testDb(), p.id, {
      patientId: p.patientId,
      issueDate: "2026-03-01",
      lines: lines(3),
    });
    const second = await createTestInvoice(testDb(), p.id, {
      patientId: p.patientId,
      issueDate: "2026-03-02",
      lines: lines(1),
    });
    const third = await createTestInvoice(testDb(), p.id, {
      patientId: p.patientId,
      issueDate: "2026-03-03",
      lines: lines(2),
      paymentDate: "2026-03-03",
      paymentMethod: "bonifico",
    });

    const page1 = await findStsInvoices(testDb(), p.id, {}, { take: 2, skip: 0 });
    expect(page1.map((d) => d.id)).toEqual([first.id, second.id]);
    expect(page1[0]!.lines.map((l) => l.unitPriceCents)).toEqual([1000, 2000, 3000]);
    expect(page1[1]!.lines.map((l) => l.unitPriceCents)).toEqual([1000]);
    const page2 = await findStsInvoices(testDb(), p.id, {}, { take: 2, skip: 2 });
    expect(page2.map((d) => d.id)).toEqual([third.id]);
    expect(page2[0]).toMatchObject({
      opposition: false,
      patient: { id: p.patientId, foreign: false },
      creditedInvoice: null,
      stsRecordRev: 0,
    });
    expect(page2[0]!.lines).toEqual([
      { quantity: 1, unitPriceCents: 1000, pensionFund: true, expenseType: "SP" },
      { quantity: 1, unitPriceCents: 2000, pensionFund: true, expenseType: "SP" },
    ]);
    // Read this way, a document derives the state the services stored for it when it was issued.
    expect(page2[0]!.stsState).toBe("to_send");
    expect(statusOf(page2[0]!, true, "2026-11-26").state).toBe("to_send");
    expect(statusOf(page1[0]!, true, "2026-11-26").state).toBe(page1[0]!.stsState);
    expect(await findStsInvoices(testDb(), p.id, { ids: [] })).toEqual([]);
    expect(
      (await findStsInvoices(testDb(), p.id, { ids: [second.id, third.id], automaticFrom: "2026-03-03" })).map(
        (d) => d.id,
      ),
    ).toEqual([third.id]);
  });
});
