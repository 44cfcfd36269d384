import { beforeAll, describe, expect, it } from "vitest";
import type { FaultRule } from "../../lib/sts/simulator/faults";
import { sendDocumentNow } from "../../lib/services/sts/send-document-now";
import { uploadBatch } from "../../lib/services/sts/upload-batch";
import { pollDueSubmissions } from "../../lib/services/sts/poll-due-submissions";
import { runAutomaticSending } from "../../lib/services/sts/run-automatic-sending";
import { sweepStuck } from "../../lib/services/sts/sweep-stuck";
import { checkStsCredentials } from "../../lib/services/sts-settings/check-sts-credentials";
import { createTestInvoice } from "../../prisma/seed/factories/invoices";
import { KIT_STS } from "../../prisma/seed/factories/sts";
import { reissueInvoice } from "../../lib/services/invoices/reissue-invoice";
import { stuckAfterMs } from "../../lib/services/sts/sweep-stuck";
import { SESSION_LINE } from "../../prisma/seed/factories/invoices";
import {
  expectNothingInDoubt,
  insertsAtSts,
  mortalDb,
  recover,
  runUntilKilled,
  type StepLog,
} from "./reliability-harness";
import { simulatorCounts, stsPractitioner, useSimulator } from "./sts-harness";
import { testDb } from "./test-db";

// Faults injected into STS (the simulator) and into the process (a death or a database outage at every step of a
// send): after recovery every document is in a final state, none is lost, and STS accepted each insert exactly once.
// The figures of docs/RELIABILITY.md come from here.

const simulator = useSimulator();
beforeAll(() => {
  // Read once by env() on the first STS call of this file: a timeout shorter than the default keeps the timeout cases
  // quick, yet long enough that a healthy call on a busy machine never reaches it.
  process.env.STS_TIMEOUT_MS = String(TIMEOUT_MS);
});

const TIMEOUT_MS = 5_000;
const paid = { paymentDate: "2026-03-10", paymentMethod: "carta" as const };

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
  for (const i of await insertsAtSts(simulator.sim, ids)) expect(i.accepted, `${i.identity} accepted inserts`).toBe(1);
  const old = await testDb().stsSubmissionDocument.findFirstOrThrow({ where: { invoiceId: oldId, operation: "I" } });
  const counts = await simulatorCounts(simulator.sim);
  expect(counts.documents[old.identity]?.accepted.C, "cancellations of the voided invoice").toBe(1);
  await expectNothingInDoubt(practitionerId, ids);
}

const TRANSPORT_FAULTS: Array<[string, FaultRule["type"], Partial<FaultRule>]> = [
  ["a latency spike beyond the timeout", "latency", { latencyMs: TIMEOUT_MS + 3_000 }],
  ["HTTP 500", "http500", {}],
  ["a request never answered (timeout)", "timeout", {}],
  ["a connection reset", "reset", {}],
  ["a SOAP fault", "soapFault", {}],
  ["malformed XML", "malformed", {}],
  ["a response lost after STS processed it", "lostResponse", {}],
];

describe("STS faults while sending: the attempt becomes uncertain, is resolved by asking STS again, and is never inserted twice", () => {
  for (const [label, type, extra] of TRANSPORT_FAULTS) {
    it(`send now (synchronous) with ${label}`, async () => {
      const p = await stsPractitioner(`sync-${type}`);
      const [id] = await paidInvoices(p.id, p.patientId, 1);
      simulator.sim.faults.push({ type, operation: "DocumentoSpesa730p", times: 1, ...extra });
      const result = await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: id! });
      expect(result.outcome).toBe("uncertain");
      expect((await testDb().invoice.findUniqueOrThrow({ where: { id: id! } })).stsState).toBe("sending");
      expect(await recover(simulator.sim, p.id, [id!])).toBeLessThanOrEqual(2);
      await expectAllFinalOnce(p.id, [id!]);
    });

    it(`batch upload (MTOM) with ${label}`, async () => {
      const p = await stsPractitioner(`async-${type}`);
      const ids = await paidInvoices(p.id, p.patientId, 3);
      simulator.sim.faults.push({ type, operation: "inviaFileMtom", times: 1, ...extra });
      const result = await uploadBatch({ db: testDb(), practitionerId: p.id, trigger: "manual", invoiceIds: ids });
      expect(result).toMatchObject({ outcome: "uncertain", documents: 3 });
      expect(await recover(simulator.sim, p.id, ids)).toBeLessThanOrEqual(2);
      await expectAllFinalOnce(p.id, ids);
    });
  }

  it("an expired password: the send fails as a credentials problem (nothing reached STS), automatic sending pauses, the fix resumes it", async () => {
    const p = await stsPractitioner("expired", { autoSend: true, autoSendFrom: "2026-01-01" });
    const [id] = await paidInvoices(p.id, p.patientId, 1);
    simulator.sim.faults.push({ type: "expiredPassword", username: KIT_STS.username, times: 1 });
    expect((await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: id! })).outcome).toBe("failed");
    expect((await testDb().stsSettings.findUniqueOrThrow({ where: { practitionerId: p.id } })).pausedAt).not.toBeNull();
    expect(await insertsAtSts(simulator.sim, [id!])).toEqual([expect.objectContaining({ received: 0 })]);
    expect(await checkStsCredentials({ db: testDb(), practitionerId: p.id, now: new Date() })).toMatchObject({
      ok: true,
      resumed: true,
    });
    await recover(simulator.sim, p.id, [id!]);
    await expectAllFinalOnce(p.id, [id!]);
  });

  it("an expired password in the middle of an automatic run (after the first batch of 25): pause, then the backlog goes out once", async () => {
    const p = await stsPractitioner("expired-mid", { autoSend: true, autoSendFrom: "2026-01-01" });
    const ids = await paidInvoices(p.id, p.patientId, 30);
    simulator.sim.faults.push({
      type: "expiredPassword",
      operation: "inviaFileMtom",
      username: KIT_STS.username,
      after: 1,
      times: 1,
    });
    // A fresh connection first: a pooled keep-alive socket left idle by the previous test may be reset by the
    // server just as it is reused, which the app (rightly) treats as an uncertain upload — not what this test is about.
    await checkStsCredentials({ db: testDb(), practitionerId: p.id, now: new Date() });
    await runAutomaticSending({ db: testDb(), slot: new Date("2026-11-27T09:10:00Z"), concurrency: 2 });
    const submissions = await testDb().stsSubmission.findMany({
      where: { practitionerId: p.id },
      orderBy: { createdAt: "asc" },
    });
    expect(submissions.map((s) => [s.documentCount, s.status])).toEqual([
      [25, "awaiting_outcome"],
      [5, "failed"],
    ]);
    expect((await testDb().stsSettings.findUniqueOrThrow({ where: { practitionerId: p.id } })).pausedAt).not.toBeNull();
    const states = await testDb().invoice.groupBy({ by: ["stsState"], where: { id: { in: ids } }, _count: true });
    expect(Object.fromEntries(states.map((s) => [s.stsState, s._count]))).toEqual({ awaiting_outcome: 25, failed: 5 });
    // Paused: the next hour sends nothing; the check after the password change resumes; the hour after sends the 5.
    expect(
      await runAutomaticSending({ db: testDb(), slot: new Date("2026-11-27T10:10:00Z"), concurrency: 2 }),
    ).toMatchObject({ documents: 0 });
    expect(await checkStsCredentials({ db: testDb(), practitionerId: p.id, now: new Date() })).toMatchObject({
      ok: true,
      resumed: true,
    });
    expect(
      await runAutomaticSending({ db: testDb(), slot: new Date("2026-11-27T11:10:00Z"), concurrency: 2 }),
    ).toMatchObject({ documents: 5 });
    await recover(simulator.sim, p.id, ids);
    await expectAllFinalOnce(p.id, ids);
  });

  it("latency spikes below the timeout only slow the run down", async () => {
    const p = await stsPractitioner("latency", { autoSend: true, autoSendFrom: "2026-01-01" });
    const ids = await paidInvoices(p.id, p.patientId, 3);
    simulator.sim.faults.push({ type: "latency", latencyMs: 400, times: 6 });
    const sync = await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: ids[0]! });
    expect(sync.outcome).toBe("accepted");
    expect(await uploadBatch({ db: testDb(), practitionerId: p.id, trigger: "manual", invoiceIds: ids })).toMatchObject(
      { outcome: "awaiting_outcome", documents: 2 },
    );
    expect(await recover(simulator.sim, p.id, ids)).toBe(1);
    await expectAllFinalOnce(p.id, ids);
  });
});

describe("'Annulla e riemetti' under every transport fault: each half in place exactly once", () => {
  for (const [label, type, extra] of TRANSPORT_FAULTS) {
    it(`with ${label}, synchronous and in a batch`, async () => {
      const p = await stsPractitioner(`reissue-${type}`);
      const sync = await reissuedPair(p.id, p.patientId);
      simulator.sim.faults.push({ type, operation: "DocumentoSpesa730p", times: 1, ...extra });
      await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: sync[0]! });
      expect(await recover(simulator.sim, p.id, sync, 5, stuckAfterMs() + 60_000)).toBe(1);
      await expectReissuedOnce(p.id, sync);
      const batch = await reissuedPair(p.id, p.patientId);
      simulator.sim.faults.push({ type, operation: "inviaFileMtom", times: 1, ...extra });
      expect(
        await uploadBatch({ db: testDb(), practitionerId: p.id, trigger: "manual", invoiceIds: [batch[1]!] }),
      ).toMatchObject({ outcome: "uncertain", documents: 2 });
      expect(await recover(simulator.sim, p.id, batch, 5, stuckAfterMs() + 60_000)).toBe(1);
      await expectReissuedOnce(p.id, batch);
    });
  }
});

describe("STS faults while polling the outcome: polling retries, the outcome and the receipt are never lost", () => {
  const POLL_OPS = ["EsitoInvii", "RicevutaPdf"] as const;
  const FAULTS: FaultRule["type"][] = ["http500", "timeout", "reset", "soapFault", "malformed", "lostResponse"];
  for (const operation of POLL_OPS) {
    it(`${operation}: every transport fault once, then the outcome and the receipt`, async () => {
      const p = await stsPractitioner(`poll-${operation}`);
      for (const type of FAULTS) {
        const ids = await paidInvoices(p.id, p.patientId, 2);
        const upload = await uploadBatch({ db: testDb(), practitionerId: p.id, trigger: "manual", invoiceIds: ids });
        simulator.sim.faults.push({ type, operation, times: 1 });
        await pollDueSubmissions({
          db: testDb(),
          workerId: "faulty",
          concurrency: 1,
          now: new Date(Date.now() + 60_000),
        });
        simulator.sim.faults.splice(0);
        await recover(simulator.sim, p.id, ids);
        await expectAllFinalOnce(p.id, ids);
        const submission = await testDb().stsSubmission.findUniqueOrThrow({ where: { id: upload!.submissionId } });
        expect({
          type,
          status: submission.status,
          receipt: Buffer.from(submission.receiptPdf ?? [])
            .subarray(0, 5)
            .toString(),
        }).toEqual({ type, status: "completed", receipt: "%PDF-" });
      }
    });
  }
});

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
