import { describe, expect, it } from "vitest";
import { findStsInvoices } from "../../lib/data/sts-documents";
import { isoDate } from "../../lib/domain/dates";
import { parseStsIdentity } from "../../lib/domain/sts/record";
import { applyStsEvent } from "../../lib/services/sts/apply-sts-event";
import { statusOf } from "../../lib/services/sts/refresh-sts-state";
import { runAutomaticSending } from "../../lib/services/sts/run-automatic-sending";
import { sendDocumentNow } from "../../lib/services/sts/send-document-now";
import { differenceKey, findReconciliation, fixDifference } from "../../lib/services/sts-reconciliation/fix-difference";
import { reconcileYear } from "../../lib/services/sts-reconciliation/reconcile-year";
import { cancelOnSts } from "../../lib/services/sts-reconciliation/cancel-on-sts";
import { CANCEL_CONFIRMATION_MESSAGE } from "../../lib/domain/sts/reconciliation";
import { runNightlyReconciliation } from "../../lib/services/sts-reconciliation/run-nightly-reconciliation";
import { createTestInvoice } from "../../prisma/seed/factories/invoices";
import { simulatorCounts, stsPractitioner, useSimulator } from "./sts-harness";
import { appErrorOf, testDb } from "./test-db";

// "Verifica su STS" against the simulator: three planted differences (missing on STS, amount different, on STS but
// unknown to Parcella) are found exactly, each is fixed with one click (the unknown one adopted, never cancelled),
// a second check finds nothing, and the nightly job finds the same differences on its own.

const simulator = useSimulator();
const NOW = new Date("2026-11-20T10:00:00Z");

async function plant(documents: unknown[]) {
  const res = await fetch(`${simulator.sim.url}/__admin/documents`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ documents }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

async function pendingIdentity(practitionerId: string, invoiceId: string) {
  const [invoice] = await findStsInvoices(testDb(), practitionerId, { ids: [invoiceId] });
  return statusOf(invoice!, true, isoDate(NOW)).pending[0]!.identity;
}

/** Three differences: an invoice never sent; one Parcella believes held whose amount STS has wrong; one unknown. */
async function plantThreeDifferences(label: string) {
  const p = await stsPractitioner(label);
  const paid = (day: string) => ({
    issueDate: `2026-03-${day}`,
    paymentDate: `2026-03-${day}`,
    paymentMethod: "carta" as const,
    patientId: p.patientId,
  });
  const agreed = await createTestInvoice(testDb(), p.id, paid("02"));
  expect((await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: agreed.id })).outcome).toBe(
    "accepted",
  );
  const missing = await createTestInvoice(testDb(), p.id, paid("03"));
  const wrongAmount = await createTestInvoice(testDb(), p.id, paid("04"));
  const identity = await pendingIdentity(p.id, wrongAmount.id);
  const { pIva, issueDate, numDocumento } = parseStsIdentity(identity);
  // Sent long ago with another amount (as STS holds it), recorded in Parcella as held.
  await plant([
    {
      id: { pIva, dataEmissione: issueDate, numDocumento },
      dataPagamento: issueDate,
      items: [{ tipoSpesa: "SP", amountCents: 9900 }],
    },
    {
      id: { pIva, dataEmissione: "2026-02-14", numDocumento: "B-7" },
      dataPagamento: "2026-02-14",
      items: [{ tipoSpesa: "SP", amountCents: 5000 }],
    },
  ]);
  const [invoice] = await findStsInvoices(testDb(), p.id, { ids: [wrongAmount.id] });
  await applyStsEvent(testDb(), {
    practitionerId: p.id,
    invoiceId: wrongAmount.id,
    submissionId: "",
    event: {
      type: "reconciled",
      held: { identity, version: invoice!.contentVersion, operation: "I", warnings: [] },
    },
  });
  return { p, missing: missing.id, wrongAmount: wrongAmount.id, unknown: `${pIva}|2026-02-14|1|B-7`, pIva };
}

describe("Verifica su STS", () => {
  it("finds exactly the three planted differences, fixes each with one click, then finds none", async () => {
    const { p, missing, wrongAmount, unknown } = await plantThreeDifferences("reconcile");
    const found = await reconcileYear({ db: testDb(), practitionerId: p.id, year: 2026, now: NOW });
    expect(found.differences.map((d) => [d.kind, d.fix, d.invoiceId ?? d.identity]).sort()).toEqual(
      [
        ["amount_different", "send_variazione", wrongAmount],
        ["missing_on_sts", "send", missing],
        ["unknown_to_parcella", "adopt", unknown],
      ].sort(),
    );
    expect(found.stsCount).toBe(3);

    for (const difference of found.differences) {
      const { outcome } = await fixDifference({
        db: testDb(),
        practitionerId: p.id,
        year: 2026,
        key: differenceKey(difference),
        now: NOW,
      });
      expect(outcome).toBe(difference.fix === "adopt" ? "adopted" : "accepted");
    }
    expect((await findReconciliation(testDb(), p.id, 2026))?.differences).toBe(0);
    const again = await reconcileYear({ db: testDb(), practitionerId: p.id, year: 2026, now: NOW });
    expect(again.differences).toEqual([]);

    const counts = await simulatorCounts(simulator.sim);
    const wrongIdentity = (await testDb().stsSubmissionDocument.findFirstOrThrow({ where: { invoiceId: wrongAmount } }))
      .identity;
    expect(counts.documents[wrongIdentity]?.received).toEqual({ V: 1 });
    // Adopted, never cancelled: STS received nothing for the unknown document.
    expect(counts.documents[unknown]?.received ?? {}).toEqual({});
    // Adopted with what STS's report says of it, the payment date included.
    expect(await testDb().stsImportedDocument.findMany({ where: { practitionerId: p.id } })).toEqual([
      expect.objectContaining({
        identity: unknown,
        issueDate: "2026-02-14",
        numDocumento: "B-7",
        paymentDate: "2026-02-14",
      }),
    ]);
  });

  it("the nightly job finds the differences on its own, and the next hourly run sends nothing adopted", async () => {
    const { p } = await plantThreeDifferences("reconcile-nightly");
    const summary = await runNightlyReconciliation({
      db: testDb(),
      slot: new Date("2026-11-20T02:40:00Z"),
      concurrency: 2,
      practitionerIds: [p.id],
      now: NOW,
    });
    expect(summary).toEqual({ checked: 1, differences: 3, failed: 0 });
    const stored = await findReconciliation(testDb(), p.id, 2026);
    expect(stored).toMatchObject({ differences: 3, trigger: "automatic" });
    expect(stored!.details.differences.map((d) => d.kind).sort()).toEqual([
      "amount_different",
      "missing_on_sts",
      "unknown_to_parcella",
    ]);
    // A second worker on the same slot does not compare again.
    expect(
      await runNightlyReconciliation({
        db: testDb(),
        slot: new Date("2026-11-20T02:40:00Z"),
        concurrency: 2,
        practitionerIds: [p.id],
        now: NOW,
      }),
    ).toEqual({ checked: 0, differences: 0, failed: 0 });
    expect(
      await runAutomaticSending({
        db: testDb(),
        slot: new Date("2026-11-21T08:10:00Z"),
        concurrency: 1,
        practitionerIds: [p.id],
        now: NOW,
      }),
    ).toMatchObject({ documents: 0 }); // automatic sending is off for this practitioner
  });
});

describe("cancelling on STS a document Parcella does not know", () => {
  it("never without its own confirmation; with it, STS cancels the document and the next check finds nothing", async () => {
    const { p, unknown, wrongAmount } = await plantThreeDifferences("reconcile-cancel");
    await reconcileYear({ db: testDb(), practitionerId: p.id, year: 2026, now: NOW });
    const cancel = (key: string, confirmed: boolean) =>
      cancelOnSts({ db: testDb(), practitionerId: p.id, year: 2026, key, confirmed });
    const key = `sts:${unknown}`;

    const unconfirmed = await appErrorOf(cancel(key, false));
    expect(unconfirmed.code).toBe("validation");
    expect(unconfirmed.fieldErrors.confirmed).toEqual([CANCEL_CONFIRMATION_MESSAGE]);
    // Only a document unknown to Parcella is cancelled from here; Parcella's own go through their invoice.
    expect((await appErrorOf(cancel(wrongAmount, true))).code).toBe("conflict");
    expect((await simulatorCounts(simulator.sim)).documents[unknown]?.received ?? {}).toEqual({});
    expect((await findReconciliation(testDb(), p.id, 2026))?.differences).toBe(3);

    expect(await cancel(key, true)).toMatchObject({ outcome: "cancelled" });
    expect((await simulatorCounts(simulator.sim)).documents[unknown]?.received).toEqual({ C: 1 });
    const stored = await findReconciliation(testDb(), p.id, 2026);
    expect(stored?.details.differences.map((d) => d.kind).sort()).toEqual(["amount_different", "missing_on_sts"]);
    // Cancelled, not adopted: nothing imported, and STS no longer lists it.
    expect(await testDb().stsImportedDocument.count({ where: { practitionerId: p.id } })).toBe(0);
    const again = await reconcileYear({ db: testDb(), practitionerId: p.id, year: 2026, now: NOW });
    expect(again.differences.map((d) => d.kind).sort()).toEqual(["amount_different", "missing_on_sts"]);
    // A second attempt finds no such difference any more.
    expect((await appErrorOf(cancel(key, true))).code).toBe("not_found");
  });
});
