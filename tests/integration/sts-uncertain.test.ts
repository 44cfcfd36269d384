import { describe, expect, it } from "vitest";
import { claimDocuments } from "../../lib/services/sts/claim-documents";
import { sendDocumentNow } from "../../lib/services/sts/send-document-now";
import { stuckAfterMs, sweepStuck } from "../../lib/services/sts/sweep-stuck";
import { uploadBatch } from "../../lib/services/sts/upload-batch";
import { pollSubmission } from "../../lib/services/sts/poll-submission";
import { statusOf } from "../../lib/services/sts/refresh-sts-state";
import { findStsInvoices } from "../../lib/data/sts-documents";
import { isoDate } from "../../lib/domain/dates";
import { parseStsIdentity } from "../../lib/domain/sts/record";
import { createClientFor, loadStsCredentials, stsEnvironment } from "../../lib/services/sts/sts-connection";
import { stsDocumentOf } from "../../lib/services/sts/sts-view";
import { buildStsFile } from "../../lib/sts/file/build-file";
import { createTestInvoice } from "../../prisma/seed/factories/invoices";
import { simulatorCounts, stsPractitioner, useSimulator } from "./sts-harness";
import { testDb } from "./test-db";

// No submission left in doubt: after a crash or a timeout around an upload, one run of the sweep (every minute)
// settles every uncertain document by asking STS, and the submission ends in a final state. A document STS holds
// is never shown with an error.

const simulator = useSimulator();
const paid = { issueDate: "2026-04-10", paymentDate: "2026-04-10", paymentMethod: "carta" as const };
/** The first run of the sweep that may take an interrupted upload for stuck. */
const nextSweep = () => new Date(Date.now() + stuckAfterMs() + 60_000);

async function paidInvoices(p: { id: string; patientId: string }, count: number, patientId = p.patientId) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await createTestInvoice(testDb(), p.id, { ...paid, patientId })).id);
  return ids;
}

/** A worker that claimed documents for a batch and died: before the upload, or after STS took it. */
async function diedAround(p: { id: string }, ids: string[], upload: boolean) {
  const claim = (await claimDocuments({
    db: testDb(),
    practitionerId: p.id,
    trigger: "automatic",
    channel: "async",
    invoiceIds: ids,
  }))!;
  if (upload) {
    const credentials = (await loadStsCredentials(testDb(), p.id))!;
    const file = buildStsFile({
      fileName: `parcella_${claim.submission.id}.zip`,
      owner: { cfProprietario: credentials.cfProprietario },
      documents: claim.documents.map((d) => stsDocumentOf(d.invoice, d.pending)),
      certificatePem: stsEnvironment().certificatePem,
    });
    expect(
      (await createClientFor(credentials, { db: testDb() }).uploadFile({ fileName: file.fileName, zip: file.zip }))
        .kind,
    ).toBe("accepted");
  }
  return claim.submission.id;
}

async function identityOf(practitionerId: string, invoiceId: string) {
  const [invoice] = await findStsInvoices(testDb(), practitionerId, { ids: [invoiceId] });
  return statusOf(invoice!, true, isoDate(new Date())).pending[0]!.identity;
}

async function plantCancelled(identity: string) {
  const { pIva, issueDate, numDocumento } = parseStsIdentity(identity);
  const res = await fetch(`${simulator.sim.url}/__admin/documents`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      id: { pIva, dataEmissione: issueDate, numDocumento },
      items: [{ tipoSpesa: "SP", amountCents: 7000 }],
      cancelled: true,
    }),
  });
  expect(res.status).toBe(200);
}

async function linesOf(submissionId: string) {
  const lines = await testDb().stsSubmissionDocument.findMany({ where: { submissionId }, orderBy: { id: "asc" } });
  return lines.map((l) => ({ outcome: l.outcome, codes: JSON.parse(l.codes ?? "[]") as { code: string }[] }));
}

async function states(ids: string[]) {
  const rows = await testDb().invoice.findMany({ where: { id: { in: ids } }, select: { stsState: true } });
  return rows.map((r) => r.stsState);
}

async function identities(ids: string[]) {
  const lines = await testDb().stsSubmissionDocument.findMany({ where: { invoiceId: { in: ids } } });
  return [...new Set(lines.map((l) => l.identity))];
}

describe("a process killed around an upload: settled by the next run of the sweep", () => {
  for (const upload of [true, false]) {
    it(`died ${upload ? "after STS took the file" : "before the upload"}: one run leaves nothing in verifica, every document accepted once`, async () => {
      const p = await stsPractitioner(`killed-${upload ? "after" : "before"}`);
      const ids = await paidInvoices(p, 3);
      const submissionId = await diedAround(p, ids, upload);
      // While an upload may still be running, the sweep leaves it alone.
      await sweepStuck({ db: testDb(), now: new Date(Date.now() + 60_000) });
      expect((await testDb().stsSubmission.findUniqueOrThrow({ where: { id: submissionId } })).status).toBe(
        "uploading",
      );
      await sweepStuck({ db: testDb(), now: nextSweep() });
      const counts = () => simulatorCounts(simulator.sim);
      if (upload) {
        expect(await testDb().stsSubmission.findUniqueOrThrow({ where: { id: submissionId } })).toMatchObject({
          status: "completed",
          outcome: "accepted",
          nAccolti: 3,
          errorCode: null,
        });
        expect(await states(ids)).toEqual(["accepted", "accepted", "accepted"]);
        expect(await linesOf(submissionId)).toEqual(ids.map(() => ({ outcome: "accepted", codes: [] })));
      } else {
        // STS said it holds none of them: the submission failed, the documents are to send again.
        expect(await testDb().stsSubmission.findUniqueOrThrow({ where: { id: submissionId } })).toMatchObject({
          status: "failed",
          outcome: "failed",
        });
        expect(await states(ids)).toEqual(["to_send", "to_send", "to_send"]);
        const next = await uploadBatch({ db: testDb(), practitionerId: p.id, trigger: "automatic", invoiceIds: ids });
        expect(next).toMatchObject({ documents: 3 });
        await pollSubmission({ db: testDb(), submissionId: next!.submissionId });
        expect(await states(ids)).toEqual(["accepted", "accepted", "accepted"]);
      }
      const after = await counts();
      for (const identity of await identities(ids)) {
        // Asked by a query, never by sending again: STS received each insert exactly once.
        expect(after.documents[identity]?.received).toEqual({ I: 1 });
        expect(after.documents[identity]?.accepted).toEqual({ I: 1 });
      }
    });
  }

  it("a lost answer to 'Invia ora': the query finds the document, shown as accepted, never sent twice", async () => {
    const p = await stsPractitioner("lost-sync");
    const [id] = await paidInvoices(p, 1);
    simulator.sim.faults.push({ type: "lostResponse", operation: "DocumentoSpesa730p", times: 1 });
    const sent = await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: id! });
    expect(sent.outcome).toBe("uncertain");
    expect((await testDb().stsSubmission.findUniqueOrThrow({ where: { id: sent.submissionId } })).status).toBe(
      "uncertain",
    );
    // While uncertain, "Invia ora" refuses: nothing is sent before STS has answered the query.
    await expect(sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: id! })).rejects.toThrow(
      /non è da inviare/,
    );
    // Resolved at once by the next run: the sync submission was already known to be uncertain.
    await sweepStuck({ db: testDb(), now: new Date(Date.now() + 60_000) });
    expect(await states([id!])).toEqual(["accepted"]);
    expect(await linesOf(sent.submissionId)).toEqual([{ outcome: "accepted", codes: [] }]);
    expect(await testDb().stsSubmission.findUniqueOrThrow({ where: { id: sent.submissionId } })).toMatchObject({
      status: "completed",
      outcome: "accepted",
    });
    const [identity] = await identities([id!]);
    expect((await simulatorCounts(simulator.sim)).documents[identity!]?.received).toEqual({ I: 1 });
  });
});

describe("what the answer decides", () => {
  it("an identity STS holds as cancelled is never inserted again: rejected with W010, the other is to send again", async () => {
    const p = await stsPractitioner("uncertain-cancelled");
    const [good, cancelled] = await paidInvoices(p, 2);
    // The second one's identity was entered on the STS portal and cancelled there, before Parcella sent it.
    await plantCancelled(await identityOf(p.id, cancelled!));
    simulator.sim.faults.push({ type: "http500", operation: "inviaFileMtom", times: 1 });
    const upload = await uploadBatch({
      db: testDb(),
      practitionerId: p.id,
      trigger: "manual",
      invoiceIds: [good!, cancelled!],
    });
    expect(upload).toMatchObject({ outcome: "uncertain", documents: 2 });
    await sweepStuck({ db: testDb(), now: new Date(Date.now() + 60_000) });
    const rows = await testDb().invoice.findMany({ where: { id: { in: [good!, cancelled!] } } });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.stsState]))).toEqual({
      [good!]: "to_send",
      [cancelled!]: "rejected",
    });
    expect(await testDb().stsSubmission.findUniqueOrThrow({ where: { id: upload!.submissionId } })).toMatchObject({
      status: "completed",
      outcome: "partially_rejected",
      nAccolti: 0,
      nErrori: 1,
    });
    const refused = await testDb().stsSubmissionDocument.findFirstOrThrow({ where: { invoiceId: cancelled! } });
    expect(JSON.parse(refused.codes!)).toEqual([expect.objectContaining({ code: "W010" })]);
  });

  it("no answer (STS unreachable): stays in verifica, honestly, and the next run settles it", async () => {
    const p = await stsPractitioner("uncertain-down");
    const ids = await paidInvoices(p, 2);
    simulator.sim.faults.push({ type: "http500", operation: "inviaFileMtom", times: 1 });
    const upload = (await uploadBatch({ db: testDb(), practitionerId: p.id, trigger: "manual", invoiceIds: ids }))!;
    simulator.sim.faults.push({ type: "http500", operation: "InterrogazionePuntuale" });
    const asked = async () =>
      ((await (await fetch(`${simulator.sim.url}/__admin/counts`)).json()) as { requests: Record<string, number> })
        .requests.InterrogazionePuntuale ?? 0;
    const before = await asked();
    await sweepStuck({ db: testDb(), now: new Date(Date.now() + 60_000) });
    // STS is down for everyone: the run stops at the first unanswered question instead of a timeout per document.
    expect((await asked()) - before).toBe(1);
    simulator.sim.faults.splice(0);
    expect((await testDb().stsSubmission.findUniqueOrThrow({ where: { id: upload.submissionId } })).status).toBe(
      "uncertain",
    );
    expect(await states(ids)).toEqual(["sending", "sending"]);
    await sweepStuck({ db: testDb(), now: new Date(Date.now() + 2 * 60_000) });
    // The file never reached STS (a 500 before processing): STS says so, and the documents are to send again.
    expect((await testDb().stsSubmission.findUniqueOrThrow({ where: { id: upload.submissionId } })).status).toBe(
      "failed",
    );
    expect(await states(ids)).toEqual(["to_send", "to_send"]);
  });

  it("credentials refused: nothing is asked until 'Verifica credenziali' passes (the STS account is not locked)", async () => {
    const p = await stsPractitioner("uncertain-paused");
    const [id] = await paidInvoices(p, 1);
    simulator.sim.faults.push({ type: "http500", operation: "inviaFileMtom", times: 1 });
    const upload = (await uploadBatch({ db: testDb(), practitionerId: p.id, trigger: "manual", invoiceIds: [id!] }))!;
    await testDb().stsSettings.update({ where: { practitionerId: p.id }, data: { pausedAt: new Date() } });
    const queries = async () =>
      ((await (await fetch(`${simulator.sim.url}/__admin/counts`)).json()) as { requests: Record<string, number> })
        .requests.InterrogazionePuntuale ?? 0;
    const before = await queries();
    await sweepStuck({ db: testDb(), now: new Date(Date.now() + 60_000) });
    expect(await queries()).toBe(before);
    expect((await testDb().stsSubmission.findUniqueOrThrow({ where: { id: upload.submissionId } })).status).toBe(
      "uncertain",
    );
    await testDb().stsSettings.update({ where: { practitionerId: p.id }, data: { pausedAt: null } });
    await sweepStuck({ db: testDb(), now: new Date(Date.now() + 2 * 60_000) });
    expect(await queries()).toBe(before + 1);
    expect(await states([id!])).toEqual(["to_send"]);
  });

  it("two workers sweeping at once ask STS once per document (the submission is leased)", async () => {
    const p = await stsPractitioner("uncertain-race");
    const ids = await paidInvoices(p, 2);
    simulator.sim.faults.push({ type: "lostResponse", operation: "inviaFileMtom", times: 1 });
    await uploadBatch({ db: testDb(), practitionerId: p.id, trigger: "manual", invoiceIds: ids });
    const queries = async () =>
      ((await (await fetch(`${simulator.sim.url}/__admin/counts`)).json()) as { requests: Record<string, number> })
        .requests.InterrogazionePuntuale ?? 0;
    const before = await queries();
    const now = new Date(Date.now() + 60_000);
    await Promise.all([
      sweepStuck({ db: testDb(), now, workerId: "w1" }),
      sweepStuck({ db: testDb(), now, workerId: "w2" }),
    ]);
    expect(await states(ids)).toEqual(["accepted", "accepted"]);
    expect(await queries()).toBe(before + 2);
    const counts = await simulatorCounts(simulator.sim);
    for (const identity of await identities(ids)) expect(counts.documents[identity]?.received).toEqual({ I: 1 });
  });

  it("a query of what STS holds plugs into the same decision: 'not held' sends the document again, once", async () => {
    const p = await stsPractitioner("uncertain-query");
    const [id] = await paidInvoices(p, 1);
    simulator.sim.faults.push({ type: "http500", operation: "inviaFileMtom", times: 1 });
    const upload = (await uploadBatch({ db: testDb(), practitionerId: p.id, trigger: "manual", invoiceIds: [id!] }))!;
    const asked: string[] = [];
    await sweepStuck({
      db: testDb(),
      now: new Date(Date.now() + 60_000),
      ask: async (_client, invoice, attempt) => {
        asked.push(`${attempt.operation} ${invoice.id}`);
        return { answer: { kind: "not_held" }, exchanges: [] };
      },
    });
    expect(asked).toEqual([`I ${id}`]);
    expect(await states([id!])).toEqual(["to_send"]);
    expect(await testDb().stsSubmission.findUniqueOrThrow({ where: { id: upload.submissionId } })).toMatchObject({
      status: "failed",
      outcome: "failed",
    });
    expect((await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: id! })).outcome).toBe("accepted");
    const [identity] = await identities([id!]);
    expect((await simulatorCounts(simulator.sim)).documents[identity!]?.accepted).toEqual({ I: 1 });
  });
});
