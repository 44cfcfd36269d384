import { describe, expect, it } from "vitest";
import { resendSubmission } from "../../lib/services/sts/resend-submission";
import { runAutomaticSending } from "../../lib/services/sts/run-automatic-sending";
import { sendDocumentNow } from "../../lib/services/sts/send-document-now";
import { sweepStuck } from "../../lib/services/sts/sweep-stuck";
import { uploadBatch } from "../../lib/services/sts/upload-batch";
import { createTestInvoice } from "../../prisma/seed/factories/invoices";
import { simulatorCounts, stsPractitioner, useSimulator } from "./sts-harness";
import { testDb } from "./test-db";

// An uncertain attempt is never sent again, by any path, until STS has answered InterrogazionePuntuale for it. The
// fault is the worst case: STS recorded the document, then the connection dropped before the answer ("lostResponse",
// applied after processing). Whatever path sent it first, every path is tried again while it is uncertain, and the
// simulator's counts (its admin API) must show one insert received and accepted per document.

const simulator = useSimulator();
const paid = { issueDate: "2026-05-04", paymentDate: "2026-05-04", paymentMethod: "carta" as const };

type Path = "manual" | "bulk" | "hourly";

async function setUp(label: string, count: number) {
  const p = await stsPractitioner(label, { autoSend: true, autoSendFrom: "2026-01-01" });
  const ids: string[] = [];
  for (let i = 0; i < count; i++)
    ids.push((await createTestInvoice(testDb(), p.id, { ...paid, patientId: p.patientId })).id);
  return { p, ids };
}

/** Sends the documents by one path, with the answer lost after STS recorded them; returns the submission. */
async function sendLosingTheAnswer(path: Path, practitionerId: string, ids: string[]) {
  const operation = path === "manual" ? "DocumentoSpesa730p" : "inviaFileMtom";
  simulator.sim.faults.push({ type: "lostResponse", operation, times: 1 });
  if (path === "manual") {
    const sent = await sendDocumentNow({ db: testDb(), practitionerId, invoiceId: ids[0]! });
    expect(sent.outcome).toBe("uncertain");
    return sent.submissionId;
  }
  if (path === "bulk") {
    const batch = await uploadBatch({ db: testDb(), practitionerId, trigger: "manual", invoiceIds: ids });
    expect(batch).toMatchObject({ outcome: "uncertain", documents: 2 });
    return batch!.submissionId;
  }
  await runAutomaticSending({
    db: testDb(),
    slot: new Date("2026-06-01T08:10:00Z"),
    concurrency: 1,
    practitionerIds: [practitionerId],
  });
  const submission = await testDb().stsSubmission.findFirstOrThrow({ where: { practitionerId } });
  expect(submission.status).toBe("uncertain");
  return submission.id;
}

/** Every path tries to send the documents again while they are uncertain: none may reach STS. */
async function tryEveryPath(practitionerId: string, ids: string[], submissionId: string) {
  for (const id of ids) {
    await expect(sendDocumentNow({ db: testDb(), practitionerId, invoiceId: id })).rejects.toThrow(/non è da inviare/);
  }
  expect(await uploadBatch({ db: testDb(), practitionerId, trigger: "manual", invoiceIds: ids })).toBeNull();
  expect(
    await runAutomaticSending({
      db: testDb(),
      slot: new Date("2026-06-01T09:10:00Z"),
      concurrency: 1,
      practitionerIds: [practitionerId],
    }),
  ).toMatchObject({ documents: 0 });
  await expect(resendSubmission({ db: testDb(), practitionerId, submissionId })).rejects.toThrow(/Nessun documento/);
}

async function identitiesOf(ids: string[]) {
  const lines = await testDb().stsSubmissionDocument.findMany({ where: { invoiceId: { in: ids } } });
  return [...new Set(lines.map((l) => l.identity))];
}

async function requests() {
  const res = await fetch(`${simulator.sim.url}/__admin/counts`);
  const counts = (await res.json()) as { requests: Record<string, number> };
  return {
    sends: (counts.requests.inviaFileMtom ?? 0) + (counts.requests.DocumentoSpesa730p ?? 0),
    queries: counts.requests.InterrogazionePuntuale ?? 0,
  };
}

describe("an uncertain attempt is resolved by InterrogazionePuntuale before anything is sent again", () => {
  for (const path of ["manual", "bulk", "hourly"] as const) {
    it(`${path}: STS recorded it, the answer was lost; no path re-sends it; the query settles it as accepted`, async () => {
      const { p, ids } = await setUp(`uncertain-${path}`, path === "manual" ? 1 : 2);
      const submissionId = await sendLosingTheAnswer(path, p.id, ids);
      const identities = await identitiesOf(ids);
      expect(identities).toHaveLength(ids.length);

      const before = await requests();
      await tryEveryPath(p.id, ids, submissionId);
      // Not one upload or synchronous send reached STS while the attempt was uncertain.
      expect((await requests()).sends).toBe(before.sends);

      await sweepStuck({ db: testDb(), now: new Date(Date.now() + 60_000) });
      const after = await requests();
      expect(after.queries).toBe(before.queries + ids.length);
      expect(after.sends).toBe(before.sends);
      const rows = await testDb().invoice.findMany({ where: { id: { in: ids } }, select: { stsState: true } });
      expect(rows.map((r) => r.stsState)).toEqual(ids.map(() => "accepted"));
      expect(await testDb().stsSubmission.findUniqueOrThrow({ where: { id: submissionId } })).toMatchObject({
        status: "completed",
        outcome: "accepted",
      });
      const counts = await simulatorCounts(simulator.sim);
      for (const identity of identities) {
        expect(counts.documents[identity]).toMatchObject({ received: { I: 1 }, accepted: { I: 1 } });
      }
      // Settled: the next hour has nothing of them to send.
      expect(
        await runAutomaticSending({
          db: testDb(),
          slot: new Date("2026-06-01T10:10:00Z"),
          concurrency: 1,
          practitionerIds: [p.id],
        }),
      ).toMatchObject({ documents: 0 });
      expect((await requests()).sends).toBe(before.sends);
    });
  }
});
