import { describe, expect, it } from "vitest";
import { sendDocumentNow } from "../../lib/services/sts/send-document-now";
import { uploadBatch } from "../../lib/services/sts/upload-batch";
import { pollDueSubmissions } from "../../lib/services/sts/poll-due-submissions";
import { runAutomaticSending } from "../../lib/services/sts/run-automatic-sending";
import { sweepStuck } from "../../lib/services/sts/sweep-stuck";
import { stuckAfterMs } from "../../lib/services/sts/sweep-stuck";
import { insertsAtSts, mortalDb, recover, runUntilKilled, type StepLog } from "./reliability-harness";
import { reliabilityFixtures, useShortStsTimeout } from "./reliability-fixtures";
import { simulatorCounts, stsPractitioner, useSimulator } from "./sts-harness";
import { testDb } from "./test-db";

// The process killed (or the database unreachable) at every step of a send, then recovery: every document final,
// nothing in doubt, each insert accepted once by STS.

const simulator = useSimulator();
useShortStsTimeout();
const { paidInvoices, expectAllFinalOnce, reissuedPair, expectReissuedOnce } = reliabilityFixtures(simulator);

// The process dies (or the database becomes unreachable) before its k-th database call, for every k of a send:
// the steps are learnt from a healthy run, then each is a separate death followed by recovery. Recovery is the
// worker's next runs, a few minutes later (the sweep's stuck delay and one more minute): one pass must settle
// everything — no submission left "in verifica", no document shown with an error STS did not give.
async function killAtEveryStep(
  label: string,
  setup: () => Promise<{ practitionerId: string; ids: string[] }>,
  work: (db: ReturnType<typeof testDb>, ctx: { practitionerId: string; ids: string[] }) => Promise<unknown>,
  check: (practitionerId: string, ids: string[]) => Promise<void> = expectAllFinalOnce,
) {
  const log: StepLog = [];
  const step = stuckAfterMs() + 60_000;
  const healthy = await setup();
  await work(mortalDb(testDb(), { log }), healthy);
  await recover(simulator.sim, healthy.practitionerId, healthy.ids, 5, step);
  await check(healthy.practitionerId, healthy.ids);
  expect(log.length, `${label}: steps`).toBeGreaterThan(5);
  // The hand-written statements on the driver (lib/data/direct-sql.ts) are among the steps killed.
  expect(log.filter((name) => name.startsWith("sql.")).length, `${label}: driver steps`).toBeGreaterThan(2);
  const problems: string[] = [];
  for (let k = 1; k <= log.length; k++) {
    const ctx = await setup();
    const outcome = await runUntilKilled(() => work(mortalDb(testDb(), { killAt: k }), ctx));
    const passes = await recover(simulator.sim, ctx.practitionerId, ctx.ids, 5, step);
    try {
      expect(passes, "recovery passes").toBe(1);
      await check(ctx.practitionerId, ctx.ids);
    } catch (error) {
      problems.push(
        `${label}: killed before step ${k} (${log[k - 1]}, run ${outcome === "killed" ? "killed" : "finished"}): ${(error as Error).message.split("\n")[0]}`,
      );
    }
  }
  expect(problems).toEqual([]);
  return log.length;
}

describe("the process killed at each step of a send, then recovery", () => {
  it("the web app restarted during a manual 'Invia ora' (synchronous): at every database step", async () => {
    const p = await stsPractitioner("kill-sync");
    const steps = await killAtEveryStep(
      "send now",
      async () => ({ practitionerId: p.id, ids: await paidInvoices(p.id, p.patientId, 1) }),
      (db, { practitionerId, ids }) => sendDocumentNow({ db, practitionerId, invoiceId: ids[0]! }),
    );
    expect(steps).toBeGreaterThan(10);
  });

  it("the worker killed during a batch upload (after claim, after upload, after the protocollo is saved): at every database step", async () => {
    const p = await stsPractitioner("kill-async");
    await killAtEveryStep(
      "upload",
      async () => ({ practitionerId: p.id, ids: await paidInvoices(p.id, p.patientId, 2) }),
      (db, { practitionerId, ids }) => uploadBatch({ db, practitionerId, trigger: "automatic", invoiceIds: ids }),
    );
  });

  it("the worker killed while polling the outcome: at every database step", async () => {
    const p = await stsPractitioner("kill-poll");
    await killAtEveryStep(
      "poll",
      async () => {
        const ids = await paidInvoices(p.id, p.patientId, 2);
        await uploadBatch({ db: testDb(), practitionerId: p.id, trigger: "automatic", invoiceIds: ids });
        return { practitionerId: p.id, ids };
      },
      async (db, { ids }) => {
        const submission = await testDb().stsSubmission.findFirstOrThrow({
          where: { documents: { some: { invoiceId: ids[0] } } },
        });
        // Only this submission is due (the others are due later), so the steps are the same on every run.
        await testDb().stsSubmission.update({ where: { id: submission.id }, data: { nextPollAt: new Date(0) } });
        return pollDueSubmissions({ db, workerId: "mortal", concurrency: 1, now: new Date(1000), limit: 1 });
      },
    );
  });

  it("'Annulla e riemetti' sent with 'Invia ora' (the new invoice's I, then the old one's C): at every database step", async () => {
    const p = await stsPractitioner("kill-reissue-sync");
    await killAtEveryStep(
      "reissue, send now",
      async () => ({ practitionerId: p.id, ids: await reissuedPair(p.id, p.patientId) }),
      (db, { practitionerId, ids }) => sendDocumentNow({ db, practitionerId, invoiceId: ids[0]! }),
      expectReissuedOnce,
    );
  });

  it("'Annulla e riemetti' in one batch (I and C in the same upload): at every database step", async () => {
    const p = await stsPractitioner("kill-reissue-batch");
    await killAtEveryStep(
      "reissue, batch",
      async () => ({ practitionerId: p.id, ids: await reissuedPair(p.id, p.patientId) }),
      // Only the new invoice is named: its partner joins the batch by itself.
      (db, { practitionerId, ids }) => uploadBatch({ db, practitionerId, trigger: "automatic", invoiceIds: [ids[0]!] }),
      expectReissuedOnce,
    );
  });

  it("the database unavailable for a whole tick: every worker job fails cleanly, changes nothing, and the next tick catches up", async () => {
    const p = await stsPractitioner("db-down", { autoSend: true, autoSendFrom: "2026-01-01" });
    const ids = await paidInvoices(p.id, p.patientId, 3);
    const before = await simulatorCounts(simulator.sim);
    const down = mortalDb(testDb(), { killAt: 1 });
    const slot = new Date("2026-11-28T09:10:00Z");
    await expect(runAutomaticSending({ db: down, slot, concurrency: 2 })).rejects.toThrow(/killed/);
    await expect(pollDueSubmissions({ db: down, workerId: "down", concurrency: 2 })).rejects.toThrow(/killed/);
    await expect(sweepStuck({ db: down })).rejects.toThrow(/killed/);
    await expect(sendDocumentNow({ db: down, practitionerId: p.id, invoiceId: ids[0]! })).rejects.toThrow(/killed/);
    const after = await simulatorCounts(simulator.sim);
    expect(after.documents).toEqual(before.documents);
    expect(
      (await testDb().invoice.findMany({ where: { id: { in: ids } } })).every((i) => i.stsState === "to_send"),
    ).toBe(true);
    // The database is back: the same slot was never taken, so it runs now.
    expect(await runAutomaticSending({ db: testDb(), slot, concurrency: 2 })).toMatchObject({ documents: 3 });
    await recover(simulator.sim, p.id, ids);
    await expectAllFinalOnce(p.id, ids);
  });

  it("three 'Invia ora' at once on the two invoices of a reissue: each half reaches STS once", async () => {
    const p = await stsPractitioner("double-click-reissue");
    const ids = await reissuedPair(p.id, p.patientId);
    const results = await Promise.allSettled(
      [ids[0], ids[1], ids[0]].map((invoiceId) =>
        sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: invoiceId! }),
      ),
    );
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
    await expectReissuedOnce(p.id, ids);
    const [newId, oldId] = ids as [string, string];
    const identity = async (invoiceId: string, operation: string) =>
      (await testDb().stsSubmissionDocument.findFirstOrThrow({ where: { invoiceId, operation } })).identity;
    const counts = await simulatorCounts(simulator.sim);
    expect(counts.documents[await identity(newId, "I")]?.received).toEqual({ I: 1 });
    expect(counts.documents[await identity(oldId, "C")]?.received).toEqual({ I: 1, C: 1 });
  });

  it("two web instances pressing 'Invia ora' on the same document at once: one send, one refusal", async () => {
    const p = await stsPractitioner("double-click");
    const [id] = await paidInvoices(p.id, p.patientId, 1);
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: id! })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    await expectAllFinalOnce(p.id, [id!]);
    expect((await insertsAtSts(simulator.sim, [id!]))[0]!.received).toBe(1);
  });
});
