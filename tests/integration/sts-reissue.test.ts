import { describe, expect, it } from "vitest";
import { updateIssuedInvoice, LOCKED_DATE_MESSAGE } from "../../lib/services/invoices/update-issued-invoice";
import { reissueInvoice } from "../../lib/services/invoices/reissue-invoice";
import { createCreditNote } from "../../lib/services/invoices/create-credit-note";
import { updatePatient } from "../../lib/services/patients/update-patient";
import { refreshStsState } from "../../lib/services/sts/refresh-sts-state";
import { sendDocumentNow } from "../../lib/services/sts/send-document-now";
import { runAutomaticSending } from "../../lib/services/sts/run-automatic-sending";
import { pollDueSubmissions } from "../../lib/services/sts/poll-due-submissions";
import { stuckAfterMs, sweepStuck } from "../../lib/services/sts/sweep-stuck";
import { createTestInvoice, SESSION_LINE } from "../../prisma/seed/factories/invoices";
import { createTestPatient } from "../../prisma/seed/factories/patients";
import { nextCodiceFiscale } from "../../prisma/seed/factories/codice-fiscale";
import { simulatorCounts, stsPractitioner, useSimulator } from "./sts-harness";
import { appErrorOf, testDb } from "./test-db";

// "Annulla e riemetti": number and date are locked once STS holds a document; a wrong one is corrected by voiding
// it (a cancellazione) and issuing a new invoice with the next number, sent together with it.

const simulator = useSimulator();
const paid = { paymentDate: "2026-03-10", paymentMethod: "carta" as const };

function form(patientId: string, issueDate: string, extra: Record<string, unknown> = {}) {
  return { patientId, issueDate, lines: [SESSION_LINE], opposition: false, ...paid, paymentDate: issueDate, ...extra };
}

async function row(id: string) {
  return testDb().invoice.findUniqueOrThrow({ where: { id } });
}

async function identityOf(id: string) {
  const line = await testDb().stsSubmissionDocument.findFirstOrThrow({
    where: { invoiceId: id },
    orderBy: { id: "asc" },
  });
  return line.identity;
}

/** An invoice paid on its date and accepted by STS. */
async function acceptedInvoice(p: { id: string; patientId: string }, issueDate = "2026-03-10") {
  const inv = await createTestInvoice(testDb(), p.id, {
    patientId: p.patientId,
    issueDate,
    ...paid,
    paymentDate: issueDate,
  });
  expect((await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: inv.id })).outcome).toBe("accepted");
  return inv;
}

function reissue(p: { id: string }, invoiceId: string, input: unknown) {
  return reissueInvoice({ db: testDb(), practitionerId: p.id, actorId: p.id, invoiceId, input });
}

describe("number and date locked once STS holds the invoice", () => {
  it("refuses a date change of a transmitted invoice in the service, and still sends other changes as a V", async () => {
    const p = await stsPractitioner("lock");
    const inv = await acceptedInvoice(p);
    const edit = (input: unknown) =>
      updateIssuedInvoice({ db: testDb(), practitionerId: p.id, actorId: p.id, invoiceId: inv.id, input });
    const refused = await appErrorOf(edit(form(p.patientId, "2026-03-11")));
    expect(refused.fieldErrors.issueDate).toEqual([LOCKED_DATE_MESSAGE]);
    expect((await row(inv.id)).issueDate).toBe("2026-03-10");
    // The amount, the expense type and the payment are still corrected with a variazione.
    await edit(
      form(p.patientId, "2026-03-10", { lines: [{ ...SESSION_LINE, unitPrice: "80,00", expenseType: "AA" }] }),
    );
    expect((await row(inv.id)).stsState).toBe("to_send");
    const sent = await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: inv.id });
    expect(sent.outcome).toBe("accepted");
    const lines = await testDb().stsSubmissionDocument.findMany({
      where: { invoiceId: inv.id },
      orderBy: { id: "asc" },
    });
    expect(lines.map((l) => l.operation)).toEqual(["I", "V"]);
  });

  it("locks the date as soon as an insert may have reached STS (uncertain), not before", async () => {
    const p = await stsPractitioner("lock-uncertain");
    const free = await createTestInvoice(testDb(), p.id, { patientId: p.patientId, ...paid });
    // Never sent: the date can still be corrected in place.
    await updateIssuedInvoice({
      db: testDb(),
      practitionerId: p.id,
      actorId: p.id,
      invoiceId: free.id,
      input: form(p.patientId, "2026-03-09"),
    });
    expect((await row(free.id)).issueDate).toBe("2026-03-09");
    simulator.sim.faults.push({ type: "lostResponse", operation: "DocumentoSpesa730p", times: 1 });
    expect((await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: free.id })).outcome).toBe(
      "uncertain",
    );
    const refused = await appErrorOf(
      updateIssuedInvoice({
        db: testDb(),
        practitionerId: p.id,
        actorId: p.id,
        invoiceId: free.id,
        input: form(p.patientId, "2026-03-08"),
      }),
    );
    expect(refused.fieldErrors.issueDate).toEqual([LOCKED_DATE_MESSAGE]);
    // …and a reissue waits for the outcome.
    const busy = await appErrorOf(reissue(p, free.id, form(p.patientId, "2026-03-11")));
    expect(busy.userMessage).toMatch(/in corso un invio/);
  });
});

describe("Annulla e riemetti", () => {
  it("voids the invoice and issues the next number; one 'Invia ora' sends the I and the C, both accepted", async () => {
    const p = await stsPractitioner("reissue");
    const first = await acceptedInvoice(p);
    const second = await createTestInvoice(testDb(), p.id, { patientId: p.patientId, issueDate: "2026-03-10" });
    const oldIdentity = await identityOf(first.id);
    const { voidedId, issued } = await reissue(p, first.id, form(p.patientId, "2026-03-12"));
    expect(voidedId).toBe(first.id);
    expect(issued).toMatchObject({ status: "issued", year: 2026, number: 3, replacesInvoiceId: first.id });
    expect(await row(first.id)).toMatchObject({
      status: "void",
      number: 1,
      voidReason: "Annullata e riemessa come fattura n. 3/2026",
      stsState: "to_send",
    });
    expect((await row(issued.id)).stsState).toBe("to_send");
    const events = await testDb().invoiceEvent.findMany({ where: { invoiceId: first.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.action)).toContain("reissued");

    // "Invia ora" on either of the two sends both: the new invoice first, then the cancellation.
    const sent = await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: first.id });
    expect(sent.outcome).toBe("accepted");
    expect(sent.documents.map((d) => [d.invoiceId, d.outcome])).toEqual([
      [issued.id, "accepted"],
      [first.id, "accepted"],
    ]);
    expect(await row(first.id)).toMatchObject({ stsState: "not_applicable", stsReason: "Cancellato dal Sistema TS" });
    expect((await row(issued.id)).stsState).toBe("accepted");
    const newIdentity = await identityOf(issued.id);
    expect(newIdentity).toMatch(/\|2026-03-12\|1\|3\/2026$/);
    const counts = await simulatorCounts(simulator.sim);
    expect(counts.documents[oldIdentity]).toMatchObject({ accepted: { I: 1, C: 1 } });
    expect(counts.documents[newIdentity]?.accepted).toEqual({ I: 1 });
    expect(simulator.sim.context.state.documents[oldIdentity]?.cancelled).toBe(true);
    expect(simulator.sim.context.state.documents[newIdentity]?.document.id.dataEmissione).toBe("2026-03-12");

    // Numbering stays continuous and the voided number is never reused.
    const next = await createTestInvoice(testDb(), p.id, { patientId: p.patientId, issueDate: "2026-03-12" });
    const numbers = await testDb().invoice.findMany({
      where: { practitionerId: p.id, kind: "invoice" },
      select: { number: true, status: true },
      orderBy: { number: "asc" },
    });
    expect(second.number).toBe(2);
    expect(numbers).toEqual([
      { number: 1, status: "void" },
      { number: 2, status: "issued" },
      { number: 3, status: "issued" },
      { number: 4, status: "issued" },
    ]);
    expect(next.number).toBe(4);
  });

  it("the hourly run sends both in the same batch even when both are dated before the minimum date", async () => {
    const p = await stsPractitioner("reissue-auto", { autoSend: true, autoSendFrom: "2026-06-01" });
    const inv = await acceptedInvoice(p);
    const { issued } = await reissue(p, inv.id, form(p.patientId, "2026-03-12"));
    const summary = await runAutomaticSending({
      db: testDb(),
      slot: new Date("2026-12-01T09:10:00Z"),
      concurrency: 2,
      practitionerIds: [p.id],
    });
    expect(summary).toMatchObject({ submissions: 1, documents: 2 });
    const batch = await testDb().stsSubmission.findFirstOrThrow({
      where: { practitionerId: p.id, channel: "async" },
      include: { documents: true },
    });
    expect(batch.documents.map((d) => [d.invoiceId, d.operation]).sort()).toEqual(
      [
        [inv.id, "C"],
        [issued.id, "I"],
      ].sort(),
    );
    await pollDueSubmissions({ db: testDb(), workerId: "t", concurrency: 2, now: new Date(Date.now() + 3_600_000) });
    expect((await row(inv.id)).stsState).toBe("not_applicable");
    expect((await row(issued.id)).stsState).toBe("accepted");
  });

  it("a rejected half stays visible (red, with its code) and goes once fixed; the other half is not held back", async () => {
    const p = await stsPractitioner("reissue-half");
    const inv = await acceptedInvoice(p);
    // The corrected invoice bills a patient whose CF STS refuses.
    const wrongCf = nextCodiceFiscale();
    simulator.sim.config.rejectedCfs.push(wrongCf);
    const other = await createTestPatient(testDb(), p.id, { codiceFiscale: wrongCf });
    const { issued } = await reissue(p, inv.id, form(other.id, "2026-03-12"));
    const sent = await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: issued.id });
    expect(sent.outcome).toBe("rejected");
    expect(sent.documents.map((d) => d.outcome)).toEqual(["rejected", "accepted"]);
    expect(await row(issued.id)).toMatchObject({ stsState: "rejected" });
    expect((await row(inv.id)).stsState).toBe("not_applicable");
    await updatePatient({
      db: testDb(),
      practitionerId: p.id,
      patientId: other.id,
      input: {
        kind: "person",
        firstName: "Marta",
        lastName: "Neri",
        codiceFiscale: nextCodiceFiscale(),
        email: "",
        city: "Roma",
        province: "RM",
      },
    });
    expect((await row(issued.id)).stsState).toBe("to_send");
    expect((await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: issued.id })).outcome).toBe(
      "accepted",
    );
  });

  it("an uncertain half is settled by the next run of the sweep, never left in doubt or sent twice", async () => {
    const p = await stsPractitioner("reissue-uncertain");
    const inv = await acceptedInvoice(p);
    const { issued } = await reissue(p, inv.id, form(p.patientId, "2026-03-12"));
    // The first call (the new invoice's I) reaches STS but its answer is lost.
    simulator.sim.faults.push({ type: "lostResponse", operation: "DocumentoSpesa730p", times: 1 });
    const sent = await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: issued.id });
    expect(sent.documents.map((d) => d.outcome)).toEqual(["uncertain", "accepted"]);
    expect((await row(issued.id)).stsState).toBe("sending");
    await sweepStuck({ db: testDb(), now: new Date(Date.now() + stuckAfterMs() + 60_000) });
    expect((await row(issued.id)).stsState).toBe("accepted");
    const submission = await testDb().stsSubmission.findUniqueOrThrow({
      where: { id: sent.documents[0]!.submissionId },
    });
    expect(submission).toMatchObject({ status: "completed", outcome: "accepted" });
    const counts = await simulatorCounts(simulator.sim);
    // Settled by InterrogazionePuntuale: STS received the insert once.
    expect(counts.documents[await identityOf(issued.id)]).toMatchObject({ accepted: { I: 1 }, received: { I: 1 } });
  });

  it("is refused where it does not apply: not held by STS, credit notes issued, already voided", async () => {
    const p = await stsPractitioner("reissue-refusals");
    const never = await createTestInvoice(testDb(), p.id, { patientId: p.patientId, ...paid });
    expect((await appErrorOf(reissue(p, never.id, form(p.patientId, "2026-03-11")))).userMessage).toMatch(
      /non ha ancora questa fattura/,
    );
    const credited = await acceptedInvoice(p);
    await createCreditNote({
      db: testDb(),
      practitionerId: p.id,
      actorId: p.id,
      invoiceId: credited.id,
      input: { mode: "partial", issueDate: "2026-03-12", amount: "10,00", description: "Storno" },
    });
    expect((await appErrorOf(reissue(p, credited.id, form(p.patientId, "2026-03-13")))).userMessage).toMatch(
      /note di credito/,
    );
    const once = await acceptedInvoice(p, "2026-03-13");
    await reissue(p, once.id, form(p.patientId, "2026-03-14"));
    expect((await appErrorOf(reissue(p, once.id, form(p.patientId, "2026-03-15")))).code).toBe("conflict");
    // The corrected data go through the same rules as any invoice: no future date.
    const later = await acceptedInvoice(p, "2026-03-14");
    const future = await appErrorOf(reissue(p, later.id, form(p.patientId, "2099-01-01")));
    expect(future.fieldErrors.issueDate?.[0]).toMatch(/successiva a oggi/);
  });
});

describe("documents re-dated before the lock existed", () => {
  // Before this change a date edit of an accepted invoice left the record holding the old identity while the
  // document had a new one: pending [C old, I new], and setting the date back made it unsendable for ever.
  async function legacyRedate(id: string, issueDate: string) {
    const inv = await row(id);
    await testDb().invoice.update({ where: { id }, data: { issueDate, contentVersion: inv.contentVersion + 1 } });
    await refreshStsState(testDb(), { practitionerId: inv.practitionerId, invoiceIds: [id] });
  }

  it("one 'Invia ora' sends both operations (the C of the old identity, then the I of the new one)", async () => {
    const p = await stsPractitioner("legacy-redate");
    const inv = await acceptedInvoice(p);
    await legacyRedate(inv.id, "2026-03-11");
    const sent = await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: inv.id });
    expect(sent.outcome).toBe("accepted");
    const lines = await testDb().stsSubmissionDocument.findMany({
      where: { invoiceId: inv.id },
      orderBy: { id: "asc" },
    });
    expect(lines.map((l) => l.operation)).toEqual(["I", "C", "I"]);
    expect((await row(inv.id)).stsState).toBe("accepted");
  });

  it("a document whose identity STS cancelled is no dead end: Annulla e riemetti sends the expense again", async () => {
    const p = await stsPractitioner("legacy-dead-end");
    const inv = await acceptedInvoice(p);
    await legacyRedate(inv.id, "2026-03-11");
    await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: inv.id });
    await legacyRedate(inv.id, "2026-03-10");
    expect(await row(inv.id)).toMatchObject({
      stsState: "not_eligible",
      stsReason: expect.stringContaining("«Annulla e riemetti»"),
    });
    const { issued } = await reissue(p, inv.id, form(p.patientId, "2026-03-10"));
    const sent = await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: issued.id });
    expect(sent.documents.map((d) => d.outcome)).toEqual(["accepted", "accepted"]);
    expect((await row(issued.id)).stsState).toBe("accepted");
    expect((await row(inv.id)).stsState).toBe("not_applicable");
  });
});
