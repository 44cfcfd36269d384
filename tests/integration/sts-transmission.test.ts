import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/app-error";
import { sendDocumentNow } from "../../lib/services/sts/send-document-now";
import { uploadBatch } from "../../lib/services/sts/upload-batch";
import { sendSelected } from "../../lib/services/sts/upload-selected";
import { pollSubmission } from "../../lib/services/sts/poll-submission";
import { updateIssuedInvoice } from "../../lib/services/invoices/update-issued-invoice";
import { voidInvoice } from "../../lib/services/invoices/void-invoice";
import { createCreditNote } from "../../lib/services/invoices/create-credit-note";
import { updatePatient } from "../../lib/services/patients/update-patient";
import { createTestPatient } from "../../prisma/seed/factories/patients";
import { nextCodiceFiscale } from "../../prisma/seed/factories/codice-fiscale";
import { createTestInvoice, SESSION_LINE } from "../../prisma/seed/factories/invoices";
import { simulatorCounts, stsPractitioner, useSimulator } from "./sts-harness";
import { testDb } from "./test-db";

const simulator = useSimulator();
const paid = { paymentDate: "2026-03-10", paymentMethod: "carta" as const };

async function stsState(invoiceId: string) {
  return testDb().invoice.findUniqueOrThrow({ where: { id: invoiceId }, select: { stsState: true, stsReason: true } });
}

describe("STS transmission through the SOAP client and the simulator", () => {
  it("marks a paid invoice yellow and sends it now through the synchronous service → green with a protocollo", async () => {
    const p = await stsPractitioner("sync");
    const unpaid = await createTestInvoice(testDb(), p.id, { patientId: p.patientId });
    expect(await stsState(unpaid.id)).toEqual({
      stsState: "not_eligible",
      stsReason: expect.stringMatching(/pagamento/i),
    });
    const inv = await createTestInvoice(testDb(), p.id, { patientId: p.patientId, ...paid });
    expect((await stsState(inv.id)).stsState).toBe("to_send");
    const result = await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: inv.id });
    expect(result.outcome).toBe("accepted");
    expect((await stsState(inv.id)).stsState).toBe("accepted");
    const submission = await testDb().stsSubmission.findUniqueOrThrow({
      where: { id: result.submissionId },
      include: { exchanges: true },
    });
    expect(submission).toMatchObject({ status: "completed", outcome: "accepted", channel: "sync", trigger: "manual" });
    expect(submission.protocollo).toMatch(/^99\d{15}$/);
    expect(submission.exchanges.length).toBeGreaterThan(0);
    for (const e of submission.exchanges) {
      expect(e.request).not.toContain("Salve123");
      expect(e.request).not.toContain("3489543096");
    }
    // Sending again is refused: nothing is pending.
    await expect(sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: inv.id })).rejects.toBeInstanceOf(
      AppError,
    );
  });

  it("sends 30 selected invoices as two batches (25 + 5), each with its receipt once processed", async () => {
    const p = await stsPractitioner("batch");
    const ids: string[] = [];
    for (let i = 0; i < 30; i++)
      ids.push((await createTestInvoice(testDb(), p.id, { patientId: p.patientId, ...paid })).id);
    const first = await uploadBatch({ db: testDb(), practitionerId: p.id, trigger: "manual", invoiceIds: ids });
    const second = await uploadBatch({ db: testDb(), practitionerId: p.id, trigger: "manual", invoiceIds: ids });
    const third = await uploadBatch({ db: testDb(), practitionerId: p.id, trigger: "manual", invoiceIds: ids });
    expect([first?.documents, second?.documents, third]).toEqual([25, 5, null]);
    const states = await testDb().invoice.groupBy({ by: ["stsState"], where: { id: { in: ids } }, _count: true });
    expect(states).toEqual([{ stsState: "awaiting_outcome", _count: 30 }]);
    for (const s of [first!, second!])
      expect(await pollSubmission({ db: testDb(), submissionId: s.submissionId })).toBe("completed");
    const submissions = await testDb().stsSubmission.findMany({
      where: { practitionerId: p.id },
      orderBy: { createdAt: "asc" },
    });
    expect(
      submissions.map((s) => [s.documentCount, s.status, s.outcome, s.nAccolti, Boolean(s.receiptPdf?.length)]),
    ).toEqual([
      [25, "completed", "accepted", 25, true],
      [5, "completed", "accepted", 5, true],
    ]);
    expect(Buffer.from(submissions[0]!.receiptPdf!).subarray(0, 5).toString()).toBe("%PDF-");
    const after = await testDb().invoice.groupBy({ by: ["stsState"], where: { id: { in: ids } }, _count: true });
    expect(after).toEqual([{ stsState: "accepted", _count: 30 }]);
  });

  it("shows a CF the simulator rejects as red with S011; fixing the patient's CF makes it yellow again and it goes through", async () => {
    const p = await stsPractitioner("reject");
    const wrongCf = nextCodiceFiscale();
    const patient = await createTestPatient(testDb(), p.id, { codiceFiscale: wrongCf });
    simulator.sim.config.rejectedCfs.push(wrongCf);
    const inv = await createTestInvoice(testDb(), p.id, { patientId: patient.id, ...paid });
    const batch = await uploadBatch({ db: testDb(), practitionerId: p.id, trigger: "manual", invoiceIds: [inv.id] });
    await pollSubmission({ db: testDb(), submissionId: batch!.submissionId });
    expect((await stsState(inv.id)).stsState).toBe("rejected");
    const doc = await testDb().stsSubmissionDocument.findFirstOrThrow({ where: { invoiceId: inv.id } });
    expect(doc.outcome).toBe("rejected");
    expect(JSON.parse(doc.codes!)[0]).toMatchObject({ code: "S011", severity: "error" });
    const submission = await testDb().stsSubmission.findUniqueOrThrow({ where: { id: batch!.submissionId } });
    expect(submission).toMatchObject({ outcome: "rejected", nErrori: 1 });
    expect(Buffer.from(submission.errorsCsv!).toString()).toContain("S011");
    // Selected again together with a new invoice, the rejected one does not go (STS would refuse it again) and the
    // practitioner is told why, with the count, instead of a bare "nothing to send".
    const fresh = await createTestInvoice(testDb(), p.id, { patientId: p.patientId, ...paid });
    const selected = await sendSelected({ db: testDb(), practitionerId: p.id, invoiceIds: [inv.id, fresh.id] });
    expect(selected).toMatchObject({ submissions: 1, documents: 1, skipped: { rejected: 1 } });
    expect((await stsState(fresh.id)).stsState).toBe("awaiting_outcome");

    await updatePatient({
      db: testDb(),
      practitionerId: p.id,
      patientId: patient.id,
      input: {
        kind: "person",
        firstName: "Lucia",
        lastName: "Bianchi",
        codiceFiscale: nextCodiceFiscale(),
        email: "",
        city: "Roma",
        province: "RM",
      },
    });
    expect((await stsState(inv.id)).stsState).toBe("to_send");
    const retry = await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: inv.id });
    expect(retry.outcome).toBe("accepted");
    expect((await stsState(inv.id)).stsState).toBe("accepted");
  });

  it("runs the lifecycle: edit → V, credit note → R, void → C, each accepted once", async () => {
    const p = await stsPractitioner("lifecycle");
    const inv = await createTestInvoice(testDb(), p.id, {
      patientId: p.patientId,
      ...paid,
      lines: [{ ...SESSION_LINE, unitPrice: "90,00" }],
    });
    expect((await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: inv.id })).outcome).toBe("accepted");

    await updateIssuedInvoice({
      db: testDb(),
      practitionerId: p.id,
      actorId: p.id,
      invoiceId: inv.id,
      input: {
        patientId: p.patientId,
        issueDate: "2026-03-10",
        ...paid,
        lines: [{ ...SESSION_LINE, unitPrice: "95,00" }],
        opposition: false,
      },
    });
    expect((await stsState(inv.id)).stsState).toBe("to_send");
    expect((await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: inv.id })).outcome).toBe("accepted");

    const note = await createCreditNote({
      db: testDb(),
      practitionerId: p.id,
      actorId: p.id,
      invoiceId: inv.id,
      input: { mode: "partial", issueDate: "2026-03-20", amount: "20,00", description: "Rimborso" },
    });
    expect((await stsState(note.id)).stsState).toBe("to_send");
    expect((await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: note.id })).outcome).toBe(
      "accepted",
    );

    const other = await createTestInvoice(testDb(), p.id, {
      patientId: p.patientId,
      issueDate: "2026-03-21",
      paymentDate: "2026-03-21",
      paymentMethod: "contanti",
    });
    expect((await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: other.id })).outcome).toBe(
      "accepted",
    );
    await voidInvoice({
      db: testDb(),
      practitionerId: p.id,
      actorId: p.id,
      invoiceId: other.id,
      input: { reason: "Errore" },
    });
    expect((await stsState(other.id)).stsState).toBe("to_send");
    expect((await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: other.id })).outcome).toBe(
      "accepted",
    );
    expect((await stsState(other.id)).stsState).toBe("not_applicable");

    const docs = await testDb().stsSubmissionDocument.findMany({
      where: { practitionerId: p.id },
      orderBy: { id: "asc" },
    });
    expect(docs.map((d) => d.operation).sort()).toEqual(["C", "I", "I", "R", "V"]);
    const counts = await simulatorCounts(simulator.sim);
    const held = Object.entries(counts.documents).filter(([key]) => docs.some((d) => d.identity === key));
    for (const [, c] of held)
      for (const op of ["I", "V", "R", "C"] as const) expect(c.accepted[op] ?? 0).toBeLessThanOrEqual(1);
  });

  it("a wrong password fails as a credentials problem and pauses automatic sending; the document stays to send", async () => {
    const p = await stsPractitioner("wrongpw", { password: "Sbagliata1", autoSend: true, autoSendFrom: "2026-01-01" });
    const inv = await createTestInvoice(testDb(), p.id, { patientId: p.patientId, ...paid });
    const result = await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: inv.id });
    expect(result.outcome).toBe("failed");
    const settings = await testDb().stsSettings.findUniqueOrThrow({ where: { practitionerId: p.id } });
    expect(settings.pausedAt).not.toBeNull();
    expect(settings.pausedReason).toMatch(/autenticazione|credenziali|password/i);
    expect((await stsState(inv.id)).stsState).toBe("failed");
  });

  it("isolation: a practitioner cannot send another's document", async () => {
    const a = await stsPractitioner("iso-a");
    const b = await stsPractitioner("iso-b");
    const inv = await createTestInvoice(testDb(), a.id, { patientId: a.patientId, ...paid });
    await expect(sendDocumentNow({ db: testDb(), practitionerId: b.id, invoiceId: inv.id })).rejects.toBeInstanceOf(
      AppError,
    );
    expect(
      await uploadBatch({ db: testDb(), practitionerId: b.id, trigger: "manual", invoiceIds: [inv.id] }),
    ).toBeNull();
    expect((await stsState(inv.id)).stsState).toBe("to_send");
  });
});
