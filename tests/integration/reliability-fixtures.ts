import { beforeAll, expect } from "vitest";
import type { FaultRule } from "../../lib/sts/simulator/faults";
import { sendDocumentNow } from "../../lib/services/sts/send-document-now";
import { reissueInvoice } from "../../lib/services/invoices/reissue-invoice";
import { createTestInvoice, SESSION_LINE } from "../../prisma/seed/factories/invoices";
import { expectNothingInDoubt, insertsAtSts } from "./reliability-harness";
import { simulatorCounts, type useSimulator } from "./sts-harness";
import { testDb } from "./test-db";

// What the reliability files share: the invoices they send, the checks of "in place exactly once" and the transport
// faults. The files are split so that their slowest parts run side by side.

/** Read once by env() on the first STS call of a file: a timeout shorter than the default keeps the timeout cases
 * quick, yet long enough that a healthy call on a busy machine never reaches it. */
export function useShortStsTimeout() {
  beforeAll(() => {
    process.env.STS_TIMEOUT_MS = String(TIMEOUT_MS);
  });
}

export const TIMEOUT_MS = 2_000;
export const paid = { paymentDate: "2026-03-10", paymentMethod: "carta" as const };

export const TRANSPORT_FAULTS: Array<[string, FaultRule["type"], Partial<FaultRule>]> = [
  ["a latency spike beyond the timeout", "latency", { latencyMs: TIMEOUT_MS + 3_000 }],
  ["HTTP 500", "http500", {}],
  ["a request never answered (timeout)", "timeout", {}],
  ["a connection reset", "reset", {}],
  ["a SOAP fault", "soapFault", {}],
  ["malformed XML", "malformed", {}],
  ["a response lost after STS processed it", "lostResponse", {}],
];

/** The invoices and checks of a file, against that file's simulator. */
export function reliabilityFixtures(simulator: ReturnType<typeof useSimulator>) {
  async function paidInvoices(practitionerId: string, patientId: string, count: number) {
    const ids: string[] = [];
    for (let i = 0; i < count; i++)
      ids.push((await createTestInvoice(testDb(), practitionerId, { patientId, ...paid })).id);
    return ids;
  }

  async function expectAllFinalOnce(practitionerId: string, ids: string[]) {
    const states = await testDb().invoice.findMany({ where: { id: { in: ids } }, select: { stsState: true } });
    expect(states).toHaveLength(ids.length);
    expect(states.map((s) => s.stsState)).toEqual(ids.map(() => "accepted"));
    const inserts = await insertsAtSts(simulator.sim, ids);
    expect(inserts).toHaveLength(ids.length);
    for (const i of inserts) expect(i.accepted, `${i.identity} accepted inserts`).toBe(1);
    await expectNothingInDoubt(practitionerId, ids);
  }

  /** An invoice STS accepted, then reissued ("Annulla e riemetti"): [the new invoice, the voided one]. */
  async function reissuedPair(practitionerId: string, patientId: string) {
    const [id] = await paidInvoices(practitionerId, patientId, 1);
    expect((await sendDocumentNow({ db: testDb(), practitionerId, invoiceId: id! })).outcome).toBe("accepted");
    const { issued } = await reissueInvoice({
      db: testDb(),
      practitionerId,
      actorId: practitionerId,
      invoiceId: id!,
      // A wrong number corrected: the same date, a new number (later invoices of the test keep the same date).
      input: { patientId, issueDate: paid.paymentDate, ...paid, lines: [SESSION_LINE] },
    });
    return [issued.id, id!];
  }

  /** Both halves of a reissue in place, each exactly once: the new invoice inserted, the voided one cancelled. */
  async function expectReissuedOnce(practitionerId: string, ids: string[]) {
    const [newId, oldId] = ids as [string, string];
    const rows = await testDb().invoice.findMany({ where: { id: { in: ids } } });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.stsState]))).toEqual({
      [newId]: "accepted",
      [oldId]: "not_applicable",
    });
    for (const i of await insertsAtSts(simulator.sim, ids))
      expect(i.accepted, `${i.identity} accepted inserts`).toBe(1);
    const old = await testDb().stsSubmissionDocument.findFirstOrThrow({ where: { invoiceId: oldId, operation: "I" } });
    const counts = await simulatorCounts(simulator.sim);
    expect(counts.documents[old.identity]?.accepted.C, "cancellations of the voided invoice").toBe(1);
    await expectNothingInDoubt(practitionerId, ids);
  }
  return { paidInvoices, expectAllFinalOnce, reissuedPair, expectReissuedOnce };
}
