import { describe, expect, it } from "vitest";
import { findStsInvoices } from "../../lib/data/sts-documents";
import { isoDate } from "../../lib/domain/dates";
import { parseStsIdentity } from "../../lib/domain/sts/record";
import { statusOf } from "../../lib/services/sts/refresh-sts-state";
import { runAutomaticSending } from "../../lib/services/sts/run-automatic-sending";
import { stsItemsOf } from "../../lib/services/sts/sts-view";
import { fixAllDifferences, findReconciliation } from "../../lib/services/sts-reconciliation/fix-difference";
import { reconcileYear } from "../../lib/services/sts-reconciliation/reconcile-year";
import { createTestInvoice } from "../../prisma/seed/factories/invoices";
import { simulatorCounts, stsPractitioner, useSimulator } from "./sts-harness";
import { testDb } from "./test-db";

// Starting mid-year: STS already holds 40 documents of the practitioner (10 of them also typed into Parcella, 30
// sent by hand on the portal). "Verifica su STS" lists them month by month, matches the 10, suggests the automatic
// minimum date, and once they are adopted the next hourly run sends none of them again.

const simulator = useSimulator();
const NOW = new Date("2026-11-20T10:00:00Z");
const day = (month: number, d: number) => `2026-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

describe("starting mid-year", () => {
  it("lists 40 documents STS holds, matches the existing ones, and the next hourly run sends none of them", async () => {
    const p = await stsPractitioner("mid-year", { autoSend: true, autoSendFrom: "2026-01-01" });
    const existing: string[] = [];
    for (let i = 0; i < 10; i++) {
      const date = day(1 + Math.floor(i / 2), 10 + (i % 2));
      const invoice = await createTestInvoice(testDb(), p.id, {
        patientId: p.patientId,
        issueDate: date,
        paymentDate: date,
        paymentMethod: "carta",
      });
      existing.push(invoice.id);
    }
    const invoices = await findStsInvoices(testDb(), p.id, { ids: existing });
    const documents = invoices.map((invoice) => {
      const { pIva, issueDate, numDocumento } = parseStsIdentity(
        statusOf(invoice, true, isoDate(NOW)).pending[0]!.identity,
      );
      const items = stsItemsOf(invoice).map((i) => ({ tipoSpesa: i.expenseType, amountCents: i.amountCents }));
      return { id: { pIva, dataEmissione: issueDate, numDocumento }, dataPagamento: issueDate, items };
    });
    const pIva = documents[0]!.id.pIva;
    for (let i = 0; i < 30; i++) {
      const date = day(1 + (i % 6), 1 + Math.floor(i / 6));
      documents.push({
        id: { pIva, dataEmissione: date, numDocumento: `PORTALE-${i + 1}` },
        dataPagamento: date,
        items: [{ tipoSpesa: "SP", amountCents: 5000 + i * 100 }],
      });
    }
    const res = await fetch(`${simulator.sim.url}/__admin/documents`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ documents }),
    });
    expect(res.status).toBe(200);

    const found = await reconcileYear({ db: testDb(), practitionerId: p.id, year: 2026, now: NOW });
    expect(found.stsCount).toBe(40);
    expect(found.differences).toHaveLength(40);
    expect(found.differences.every((d) => d.kind === "unknown_to_parcella" && d.fix === "adopt")).toBe(true);
    // The 10 typed into Parcella are matched to their invoices; the 30 others are to import.
    expect(
      found.differences
        .filter((d) => d.invoiceId)
        .map((d) => d.invoiceId)
        .sort(),
    ).toEqual([...existing].sort());
    // The day after the last document already on STS (the latest is PORTALE-30, of 2026-06-05).
    expect(found.suggestedMinimumDate).toBe("2026-06-06");

    expect(await fixAllDifferences({ db: testDb(), practitionerId: p.id, year: 2026, now: NOW })).toHaveLength(40);
    expect(await findReconciliation(testDb(), p.id, 2026)).toMatchObject({ differences: 0 });
    const states = await testDb().invoice.findMany({ where: { id: { in: existing } }, select: { stsState: true } });
    expect(states.map((s) => s.stsState)).toEqual(existing.map(() => "accepted"));
    expect(await testDb().stsImportedDocument.count({ where: { practitionerId: p.id } })).toBe(30);

    const run = await runAutomaticSending({
      db: testDb(),
      slot: new Date("2026-11-20T11:10:00Z"),
      concurrency: 2,
      practitionerIds: [p.id],
      now: NOW,
    });
    expect(run).toMatchObject({ documents: 0 });
    const counts = await simulatorCounts(simulator.sim);
    for (const d of documents) {
      const key = `${d.id.pIva}|${d.id.dataEmissione}|1|${d.id.numDocumento}`;
      expect(counts.documents[key]?.received ?? {}).toEqual({});
    }
    const again = await reconcileYear({ db: testDb(), practitionerId: p.id, year: 2026, now: NOW });
    expect(again.differences).toEqual([]);
  });
});
