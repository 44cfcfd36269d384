import { describe, expect, it } from "vitest";
import { createCreditNote } from "../../lib/services/invoices/create-credit-note";
import { updateIssuedInvoice } from "../../lib/services/invoices/update-issued-invoice";
import { voidInvoice } from "../../lib/services/invoices/void-invoice";
import { pollDueSubmissions } from "../../lib/services/sts/poll-due-submissions";
import { runAutomaticSending } from "../../lib/services/sts/run-automatic-sending";
import { sendDocumentNow } from "../../lib/services/sts/send-document-now";
import { countSkippedByMinimumDate } from "../../lib/services/sts/skipped-by-minimum-date";
import { createTestInvoice, SESSION_LINE } from "../../prisma/seed/factories/invoices";
import { stsPractitioner, useSimulator } from "./sts-harness";
import { testDb } from "./test-db";

useSimulator();

// The automatic minimum date is for first insertions only (users who uploaded older invoices by hand set it):
// a variazione, a cancellazione or a rimborso of a document STS already holds always goes with the hourly run.
describe("the automatic minimum date applies to first insertions only", () => {
  it("sends the V, C and R of documents older than the minimum date, and not their never-sent neighbours", async () => {
    const p = await stsPractitioner("min-date", { autoSend: true, autoSendFrom: "2026-06-01" });
    const old = {
      patientId: p.patientId,
      issueDate: "2026-03-10",
      paymentDate: "2026-03-10",
      paymentMethod: "pos" as const,
    };
    const [edited, voided, refunded] = [
      await createTestInvoice(testDb(), p.id, old),
      await createTestInvoice(testDb(), p.id, old),
      await createTestInvoice(testDb(), p.id, old),
    ];
    // Sent by hand ("Invia ora"): the minimum date does not apply there.
    for (const inv of [edited, voided, refunded])
      expect((await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: inv.id })).outcome).toBe(
        "accepted",
      );
    const neverSent = await createTestInvoice(testDb(), p.id, old);
    const recent = await createTestInvoice(testDb(), p.id, {
      ...old,
      issueDate: "2026-07-01",
      paymentDate: "2026-07-01",
    });
    await updateIssuedInvoice({
      db: testDb(),
      practitionerId: p.id,
      actorId: p.id,
      invoiceId: edited.id,
      input: { ...old, opposition: false, lines: [{ ...SESSION_LINE, unitPrice: "85,00" }] },
    });
    await voidInvoice({
      db: testDb(),
      practitionerId: p.id,
      actorId: p.id,
      invoiceId: voided.id,
      input: { reason: "Emessa per errore" },
    });
    const note = await createCreditNote({
      db: testDb(),
      practitionerId: p.id,
      actorId: p.id,
      invoiceId: refunded.id,
      input: { mode: "partial", issueDate: "2026-03-20", amount: "20,00", description: "Seduta annullata" },
    });
    const summary = await runAutomaticSending({
      db: testDb(),
      slot: new Date("2026-12-01T10:10:00Z"),
      concurrency: 2,
      practitionerIds: [p.id],
    });
    expect(summary).toMatchObject({ submissions: 1, documents: 4 });
    const lines = await testDb().stsSubmissionDocument.findMany({
      where: { practitionerId: p.id, submission: { trigger: "automatic" } },
      select: { invoiceId: true, operation: true },
    });
    expect(lines.map((l) => [l.invoiceId, l.operation]).sort()).toEqual(
      [
        [edited.id, "V"],
        [voided.id, "C"],
        [note.id, "R"],
        [recent.id, "I"],
      ].sort(),
    );
    await pollDueSubmissions({ db: testDb(), workerId: "min", concurrency: 2, now: new Date(Date.now() + 3_600_000) });
    const state = async (id: string) => (await testDb().invoice.findUniqueOrThrow({ where: { id } })).stsState;
    expect(await state(edited.id)).toBe("accepted");
    expect(await state(voided.id)).toBe("not_applicable");
    expect(await state(note.id)).toBe("accepted");
    expect(await state(recent.id)).toBe("accepted");
    // The never-sent invoice before the minimum date is left to the practitioner (uploaded by hand, or "Invia ora").
    expect(await state(neverSent.id)).toBe("to_send");
    const flags = await testDb().invoice.findMany({
      where: { id: { in: [edited.id, neverSent.id, note.id] } },
      select: { id: true, stsEverHeld: true },
    });
    expect(Object.fromEntries(flags.map((f) => [f.id, f.stsEverHeld]))).toEqual({
      [edited.id]: true,
      [neverSent.id]: false,
      [note.id]: true,
    });
    // The invoice list's notice counts exactly that one.
    expect(await countSkippedByMinimumDate({ db: testDb(), practitionerId: p.id })).toEqual({
      from: "2026-06-01",
      count: 1,
    });
  });

  it("the list's notice counts the never-sent invoices to send or failed before the date, of this practice only", async () => {
    const off = await stsPractitioner("min-date-off");
    await createTestInvoice(testDb(), off.id, { patientId: off.patientId, ...paidOn("2026-03-10") });
    expect(await countSkippedByMinimumDate({ db: testDb(), practitionerId: off.id })).toBeNull();

    const p = await stsPractitioner("min-date-count", { autoSend: true, autoSendFrom: "2026-06-01" });
    const other = await stsPractitioner("min-date-count-other", { autoSend: true, autoSendFrom: "2026-06-01" });
    await createTestInvoice(testDb(), other.id, { patientId: other.patientId, ...paidOn("2026-03-10") });
    await createTestInvoice(testDb(), p.id, { patientId: p.patientId, ...paidOn("2026-03-10") }); // to send: counted
    const failed = await createTestInvoice(testDb(), p.id, { patientId: p.patientId, ...paidOn("2026-04-10") });
    await testDb().invoice.update({ where: { id: failed.id }, data: { stsState: "failed" } }); // counted
    const rejected = await createTestInvoice(testDb(), p.id, { patientId: p.patientId, ...paidOn("2026-04-11") });
    await testDb().invoice.update({ where: { id: rejected.id }, data: { stsState: "rejected" } }); // not counted
    await createTestInvoice(testDb(), p.id, { patientId: p.patientId, issueDate: "2026-04-12" }); // unpaid: not eligible
    await createTestInvoice(testDb(), p.id, { patientId: p.patientId, ...paidOn("2026-06-01") }); // on the date
    expect(await countSkippedByMinimumDate({ db: testDb(), practitionerId: p.id })).toEqual({
      from: "2026-06-01",
      count: 2,
    });
  });
});

function paidOn(date: string) {
  return { issueDate: date, paymentDate: date, paymentMethod: "pos" as const };
}
