import { describe, expect, it } from "vitest";
import { runAutomaticSending } from "../../lib/services/sts/run-automatic-sending";
import { pollDueSubmissions } from "../../lib/services/sts/poll-due-submissions";
import { sweepStuck } from "../../lib/services/sts/sweep-stuck";
import { claimDocuments } from "../../lib/services/sts/claim-documents";
import { findStsInvoices } from "../../lib/data/sts-documents";
import { transition } from "../../lib/domain/sts/record";
import { statusOf } from "../../lib/services/sts/refresh-sts-state";
import { createClientFor, loadStsCredentials } from "../../lib/services/sts/sts-connection";
import { currentStsCertificate } from "../../lib/services/sts/sts-certificate";
import { parseStsRecord, stsDocumentOf } from "../../lib/services/sts/sts-view";
import { saveStsSettings } from "../../lib/services/sts-settings/save-sts-settings";
import { checkStsCredentials } from "../../lib/services/sts-settings/check-sts-credentials";
import { buildStsFile } from "../../lib/sts/file/build-file";
import { createTestInvoice } from "../../prisma/seed/factories/invoices";
import { KIT_STS } from "../../prisma/seed/factories/sts";
import { simulatorCounts, stsPractitioner, useSimulator } from "./sts-harness";
import { testDb } from "./test-db";

const simulator = useSimulator();
const AUTO = { autoSend: true, autoSendFrom: "2026-02-01" };
const slot = (iso: string) => new Date(iso);

async function invoices(practitionerId: string, patientId: string, count: number, date: string) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(
      (
        await createTestInvoice(testDb(), practitionerId, {
          patientId,
          issueDate: date,
          paymentDate: date,
          paymentMethod: "bonifico",
        })
      ).id,
    );
  }
  return ids;
}

async function pollAll() {
  for (let i = 0; i < 5; i++) {
    const due = await testDb().stsSubmission.count({ where: { status: "awaiting_outcome" } });
    if (due === 0) return;
    await pollDueSubmissions({
      db: testDb(),
      workerId: "test",
      concurrency: 4,
      now: new Date(Date.now() + 60 * 60_000),
    });
  }
}

describe("automatic sending (the minute-10 run)", () => {
  it("sends 60 eligible invoices as exactly 3 submissions of 25, 25 and 10 with 3 receipts, leaving earlier ones alone", async () => {
    const p = await stsPractitioner("auto60", AUTO);
    const early = await invoices(p.id, p.patientId, 3, "2026-01-15");
    const due = await invoices(p.id, p.patientId, 60, "2026-02-10");
    const summary = await runAutomaticSending({
      db: testDb(),
      slot: slot("2026-11-26T09:10:00Z"),
      concurrency: 4,
      practitionerIds: [p.id],
    });
    expect(summary).toMatchObject({ practitioners: 1, submissions: 3, documents: 60 });
    const submissions = await testDb().stsSubmission.findMany({
      where: { practitionerId: p.id },
      orderBy: { createdAt: "asc" },
    });
    expect(submissions.map((s) => [s.trigger, s.channel, s.documentCount])).toEqual([
      ["automatic", "async", 25],
      ["automatic", "async", 25],
      ["automatic", "async", 10],
    ]);
    await pollAll();
    const done = await testDb().stsSubmission.findMany({ where: { practitionerId: p.id } });
    expect(done.every((s) => s.status === "completed" && s.receiptPdf && s.receiptPdf.length > 100)).toBe(true);
    const states = await testDb().invoice.groupBy({ by: ["stsState"], where: { id: { in: due } }, _count: true });
    expect(states).toEqual([{ stsState: "accepted", _count: 60 }]);
    const untouched = await testDb().invoice.findMany({ where: { id: { in: early } }, select: { stsState: true } });
    expect(untouched.every((i) => i.stsState === "to_send")).toBe(true);
  });

  it("does not let 60 documents STS refused (waiting for a fix) hide the sendable ones dated after them", async () => {
    const p = await stsPractitioner("auto-red", AUTO);
    const red = await invoices(p.id, p.patientId, 60, "2026-02-05");
    // Refused by STS at their current version, as a poll leaves them: the record goes through the state machine.
    const today = "2026-11-26";
    for (const invoice of await findStsInvoices(testDb(), p.id, { ids: red })) {
      const pending = statusOf(invoice, true, today).pending[0]!;
      const started = transition(parseStsRecord(invoice.stsRecord), {
        type: "send_started",
        ...pending,
        version: invoice.contentVersion,
        submissionId: "earlier",
      });
      const record = transition(transition(started, { type: "upload_accepted", protocollo: "1" }), {
        type: "rejected",
        codes: [{ code: "S011", severity: "error", message: "CF non valido" }],
      });
      const status = statusOf({ ...invoice, stsRecord: JSON.stringify(record) }, true, today);
      expect(status.state).toBe("rejected");
      await testDb().invoice.update({
        where: { id: invoice.id },
        data: { stsRecord: JSON.stringify(record), stsState: status.state, stsRecordRev: { increment: 1 } },
      });
    }
    const yellow = await invoices(p.id, p.patientId, 5, "2026-03-01");
    // A fresh connection first: the STS client's keep-alive socket, idle while the 65 invoices were written, may be
    // closed by the server just as the upload reuses it — an uncertain upload, not what this test is about
    // (docs/RELIABILITY.md, "Observed once, not fixed").
    await checkStsCredentials({ db: testDb(), practitionerId: p.id, now: new Date() });
    const summary = await runAutomaticSending({
      db: testDb(),
      slot: slot("2026-11-26T10:10:00Z"),
      concurrency: 2,
      practitionerIds: [p.id],
    });
    expect(summary).toMatchObject({ submissions: 1, documents: 5 });
    const states = await testDb().invoice.groupBy({
      by: ["stsState"],
      where: { practitionerId: p.id },
      _count: true,
      orderBy: { stsState: "asc" },
    });
    expect(states).toEqual([
      { stsState: "awaiting_outcome", _count: 5 },
      { stsState: "rejected", _count: 60 },
    ]);
    const lines = await testDb().stsSubmissionDocument.findMany({
      where: { practitionerId: p.id },
      select: { invoiceId: true },
    });
    expect(lines.map((l) => l.invoiceId).sort()).toEqual([...yellow].sort());
  });

  it("runs an hourly slot once per practitioner even when several workers fire it together", async () => {
    const p = await stsPractitioner("auto-once", AUTO);
    const ids = await invoices(p.id, p.patientId, 30, "2026-03-01");
    const tick = slot("2026-11-26T10:10:00Z");
    const results = await Promise.all(
      [1, 2, 3].map(() => runAutomaticSending({ db: testDb(), slot: tick, concurrency: 4, practitionerIds: [p.id] })),
    );
    const submissions = await testDb().stsSubmission.findMany({ where: { practitionerId: p.id } });
    expect(submissions.map((s) => s.documentCount).sort()).toEqual([25, 5]);
    expect(results.reduce((n, r) => n + r.practitioners, 0)).toBe(1);
    expect(results.reduce((n, r) => n + r.documents, 0)).toBe(30);
    const claimed = await testDb().stsSubmissionDocument.groupBy({
      by: ["invoiceId"],
      where: { invoiceId: { in: ids } },
      _count: true,
    });
    expect(claimed.every((c) => c._count === 1)).toBe(true);
    // The same slot again does nothing.
    await runAutomaticSending({ db: testDb(), slot: tick, concurrency: 4, practitionerIds: [p.id] });
    expect(await testDb().stsSubmission.count({ where: { practitionerId: p.id } })).toBe(2);
  });

  it("pauses on a wrong PIN, loses nothing, and resumes by itself after a successful check, sending the backlog", async () => {
    const p = await stsPractitioner("auto-pin", { ...AUTO, pincode: "1111111111" });
    const ids = await invoices(p.id, p.patientId, 3, "2026-04-01");
    await runAutomaticSending({
      db: testDb(),
      slot: slot("2026-11-26T11:10:00Z"),
      concurrency: 2,
      practitionerIds: [p.id],
    });
    let settings = await testDb().stsSettings.findUniqueOrThrow({ where: { practitionerId: p.id } });
    expect(settings.pausedAt).not.toBeNull();
    expect(settings.pausedReason).toMatch(/PIN/i);
    // While paused the next hour sends nothing.
    const before = await testDb().stsSubmission.count({ where: { practitionerId: p.id } });
    await runAutomaticSending({
      db: testDb(),
      slot: slot("2026-11-26T12:10:00Z"),
      concurrency: 2,
      practitionerIds: [p.id],
    });
    expect(await testDb().stsSubmission.count({ where: { practitionerId: p.id } })).toBe(before);
    expect(
      (await testDb().invoice.findMany({ where: { id: { in: ids } } })).every((i) => i.stsState === "failed"),
    ).toBe(true);
    await saveStsSettings({
      db: testDb(),
      practitionerId: p.id,
      input: {
        cfTitolare: KIT_STS.cfTitolare,
        username: KIT_STS.username,
        password: "",
        pincode: KIT_STS.pincode,
        autoSend: true,
        autoSendFrom: "2026-02-01",
        passwordValidityDays: "",
      },
    });
    const check = await checkStsCredentials({ db: testDb(), practitionerId: p.id, now: new Date() });
    expect(check).toMatchObject({ ok: true, resumed: true });
    settings = await testDb().stsSettings.findUniqueOrThrow({ where: { practitionerId: p.id } });
    expect(settings.pausedAt).toBeNull();
    const summary = await runAutomaticSending({
      db: testDb(),
      slot: slot("2026-11-26T13:10:00Z"),
      concurrency: 2,
      practitionerIds: [p.id],
    });
    expect(summary.documents).toBe(3);
    await pollAll();
    const states = await testDb().invoice.findMany({ where: { id: { in: ids } }, select: { stsState: true } });
    expect(states.every((s) => s.stsState === "accepted")).toBe(true);
  });

  it("never inserts twice when the process dies between the upload and saving the protocollo", async () => {
    const p = await stsPractitioner("crash", AUTO);
    const [id] = await invoices(p.id, p.patientId, 1, "2026-05-01");
    // What a worker does up to the upload, then "dies": the protocollo is never stored.
    const claim = (await claimDocuments({
      db: testDb(),
      practitionerId: p.id,
      trigger: "automatic",
      channel: "async",
      invoiceIds: [id!],
    }))!;
    const credentials = (await loadStsCredentials(testDb(), p.id))!;
    const file = buildStsFile({
      fileName: `parcella_${claim.submission.id}.zip`,
      owner: { cfProprietario: credentials.cfProprietario },
      documents: claim.documents.map((d) => stsDocumentOf(d.invoice, d.pending)),
      certificatePem: (await currentStsCertificate(testDb())).pem,
    });
    const upload = await createClientFor(credentials, { db: testDb() }).uploadFile({
      fileName: file.fileName,
      zip: file.zip,
    });
    expect(upload.kind).toBe("accepted");
    await testDb().stsSubmission.update({
      where: { id: claim.submission.id },
      data: { updatedAt: new Date(Date.now() - 10 * 60_000) },
    });
    // Let STS process the orphan upload, then one run of the sweep finds the stuck submission, resolves the
    // document and closes the submission: nothing is left "in verifica".
    const later = new Date(Date.now() + 10 * 60_000);
    const sweep = await sweepStuck({ db: testDb(), now: later });
    // Other files share the database: at least this submission and this document were swept.
    expect(sweep.stuck).toBeGreaterThanOrEqual(1);
    expect(sweep.resolved.documents).toBeGreaterThanOrEqual(1);
    expect(await testDb().stsSubmission.findUniqueOrThrow({ where: { id: claim.submission.id } })).toMatchObject({
      status: "completed",
      outcome: "accepted",
      errorCode: null,
    });
    const invoice = await testDb().invoice.findUniqueOrThrow({ where: { id: id! } });
    expect(invoice.stsState).toBe("accepted");
    // InterrogazionePuntuale found it ("already there"): the document is shown accepted, with no error code.
    const line = await testDb().stsSubmissionDocument.findFirstOrThrow({ where: { invoiceId: id! } });
    expect({ outcome: line.outcome, codes: line.codes }).toEqual({ outcome: "accepted", codes: "[]" });
    const counts = await simulatorCounts(simulator.sim);
    const key = claim.documents[0]!.pending.identity;
    expect(counts.documents[key]?.accepted.I).toBe(1);
    // A later hourly run has nothing to send for it.
    expect(
      await runAutomaticSending({
        db: testDb(),
        slot: slot("2026-11-26T14:10:00Z"),
        concurrency: 2,
        practitionerIds: [p.id],
      }),
    ).toMatchObject({ documents: 0 });
  });

  // Last in this file: it resets the simulator's counters (and what it holds) to measure its own traffic.
  it("keeps at most `concurrency` calls in flight toward STS, in the hourly run and in the outcome polling", async () => {
    await fetch(`${simulator.sim.url}/__admin/reset`, {
      method: "POST",
      headers: { "content-type": "application/json" },
    });
    const practitioners = [];
    for (let i = 0; i < 6; i++) practitioners.push(await stsPractitioner(`auto-bound-${i}`, AUTO));
    for (const p of practitioners) await invoices(p.id, p.patientId, 1, "2026-04-01");
    const ids = practitioners.map((p) => p.id);
    // Each call held a second: long enough that the two lanes' calls overlap even when the machine is so busy that
    // the database work between two calls takes hundreds of milliseconds (at 150 ms they did not, under load).
    simulator.sim.faults.push({ type: "latency", latencyMs: 1_000 });
    const summary = await runAutomaticSending({
      db: testDb(),
      slot: slot("2026-11-26T15:10:00Z"),
      concurrency: 2,
      practitionerIds: ids,
    });
    expect(summary).toMatchObject({ practitioners: 6, submissions: 6, documents: 6 });
    const peak = async () =>
      ((await (await fetch(`${simulator.sim.url}/__admin/counts`)).json()) as { peakInFlight: number }).peakInFlight;
    expect(await peak()).toBe(2);
    const polled = await pollDueSubmissions({
      db: testDb(),
      workerId: "bound",
      concurrency: 2,
      now: new Date(Date.now() + 60 * 60_000),
    });
    expect(polled.completed).toBeGreaterThanOrEqual(6);
    expect(await peak()).toBe(2);
    simulator.sim.faults.splice(0);
  });
});
