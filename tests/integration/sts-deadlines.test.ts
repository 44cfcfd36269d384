import { describe, expect, it } from "vitest";
import { paymentYearDeadlines } from "../../lib/services/sts/deadlines";
import { resendSubmission } from "../../lib/services/sts/resend-submission";
import { uploadBatch } from "../../lib/services/sts/upload-batch";
import { pollSubmission } from "../../lib/services/sts/poll-submission";
import { updatePatient } from "../../lib/services/patients/update-patient";
import { createTestInvoice } from "../../prisma/seed/factories/invoices";
import { createTestPatient } from "../../prisma/seed/factories/patients";
import { nextCodiceFiscale } from "../../prisma/seed/factories/codice-fiscale";
import { stsPractitioner, useSimulator } from "./sts-harness";
import { testDb } from "./test-db";

const simulator = useSimulator();

describe("STS deadlines and re-sending", () => {
  it("groups what is still to send by payment year, with the deadline moved off the weekend", async () => {
    const p = await stsPractitioner("deadlines");
    await createTestInvoice(testDb(), p.id, {
      patientId: p.patientId,
      issueDate: "2025-12-30",
      paymentDate: "2026-01-05",
      paymentMethod: "carta",
    });
    await createTestInvoice(testDb(), p.id, {
      patientId: p.patientId,
      issueDate: "2025-12-31",
      paymentDate: "2025-12-31",
      paymentMethod: "carta",
    });
    await createTestInvoice(testDb(), p.id, { patientId: p.patientId, issueDate: "2026-01-10" }); // unpaid: not eligible
    const years = await paymentYearDeadlines({
      db: testDb(),
      practitionerId: p.id,
      now: new Date("2026-01-20T10:00:00Z"),
    });
    expect(years).toEqual([
      {
        year: 2025,
        deadline: "2026-02-02",
        daysLeft: 13,
        toSend: 1,
        sending: 0,
        awaitingOutcome: 0,
        rejected: 0,
        notEligible: 0,
      },
      {
        year: 2026,
        deadline: "2027-02-01",
        daysLeft: 377,
        toSend: 1,
        sending: 0,
        awaitingOutcome: 0,
        rejected: 0,
        notEligible: 1,
      },
    ]);
  });

  it("counts an uploaded batch waiting for its outcome apart from what is still to send (the list's filters agree)", async () => {
    const p = await stsPractitioner("deadlines-awaiting");
    for (let i = 0; i < 3; i++)
      await createTestInvoice(testDb(), p.id, {
        patientId: p.patientId,
        issueDate: "2026-03-02",
        paymentDate: "2026-03-02",
        paymentMethod: "carta",
      });
    const [first] = await testDb().invoice.findMany({
      where: { practitionerId: p.id },
      orderBy: { number: "asc" },
      select: { id: true },
    });
    const batch = await uploadBatch({
      db: testDb(),
      practitionerId: p.id,
      trigger: "manual",
      invoiceIds: [first!.id],
    });
    expect(batch?.outcome).toBe("awaiting_outcome");
    const [year] = await paymentYearDeadlines({ db: testDb(), practitionerId: p.id });
    expect(year).toMatchObject({ year: 2026, toSend: 2, sending: 0, awaitingOutcome: 1 });
    const states = await testDb().invoice.groupBy({
      by: ["stsState"],
      where: { practitionerId: p.id },
      _count: true,
    });
    expect(Object.fromEntries(states.map((s) => [s.stsState, s._count]))).toEqual({
      to_send: 2,
      awaiting_outcome: 1,
    });
  });

  it("re-sends the fixed documents of a submission as a new submission", async () => {
    const p = await stsPractitioner("resend");
    const cf = nextCodiceFiscale();
    simulator.sim.config.rejectedCfs.push(cf);
    const patient = await createTestPatient(testDb(), p.id, { codiceFiscale: cf, firstName: "Rita", lastName: "Sala" });
    const ids = [];
    for (let i = 0; i < 2; i++)
      ids.push(
        (
          await createTestInvoice(testDb(), p.id, {
            patientId: patient.id,
            paymentDate: "2026-03-10",
            paymentMethod: "pos",
          })
        ).id,
      );
    const batch = (await uploadBatch({ db: testDb(), practitionerId: p.id, trigger: "manual", invoiceIds: ids }))!;
    await pollSubmission({ db: testDb(), submissionId: batch.submissionId });
    await expect(
      resendSubmission({ db: testDb(), practitionerId: p.id, submissionId: batch.submissionId }),
    ).rejects.toThrow(/correggi prima/);
    await updatePatient({
      db: testDb(),
      practitionerId: p.id,
      patientId: patient.id,
      input: { kind: "person", firstName: "Rita", lastName: "Sala", codiceFiscale: nextCodiceFiscale(), email: "" },
    });
    const resent = await resendSubmission({ db: testDb(), practitionerId: p.id, submissionId: batch.submissionId });
    expect(resent).toMatchObject({ submissions: 1, documents: 2 });
    await pollSubmission({ db: testDb(), submissionId: resent.submissionId! });
    const states = await testDb().invoice.findMany({ where: { id: { in: ids } }, select: { stsState: true } });
    expect(states.map((s) => s.stsState)).toEqual(["accepted", "accepted"]);
    const other = await stsPractitioner("resend-other");
    await expect(
      resendSubmission({ db: testDb(), practitionerId: other.id, submissionId: batch.submissionId }),
    ).rejects.toThrow(/Invio non trovato/);
  });
});
