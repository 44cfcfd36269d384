import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../lib/app-error";
import { registerPractitioner } from "../../lib/services/accounts/register-practitioner";
import { getSubmissionOrThrow } from "../../lib/services/sts-log/get-submission";
import { listSubmissionExchanges } from "../../lib/services/sts-log/list-submission-exchanges";
import { listSubmissions } from "../../lib/services/sts-log/list-submissions";
import { getSubmissionErrorsCsv, getSubmissionReceipt } from "../../lib/services/sts-log/submission-files";
import { createTestInvoice } from "../../prisma/seed/factories/invoices";
import { createTestPatient } from "../../prisma/seed/factories/patients";
import { createTestProfile } from "../../prisma/seed/factories/profiles";
import { testDb, uniqueEmail } from "./test-db";

type Practitioner = { id: string; patientId: string; invoiceIds: string[] };

async function newPractitioner(label: string): Promise<Practitioner> {
  const password = "password-sicura-1";
  const p = await registerPractitioner({
    db: testDb(),
    input: { name: `Dott. ${label}`, email: uniqueEmail(label), password, passwordConfirm: password },
  });
  await createTestProfile(testDb(), p.id);
  const patient = await createTestPatient(testDb(), p.id);
  const invoiceIds: string[] = [];
  for (const issueDate of ["2026-03-10", "2026-03-11"]) {
    invoiceIds.push(
      (
        await createTestInvoice(testDb(), p.id, {
          patientId: patient.id,
          issueDate,
          paymentDate: issueDate,
          paymentMethod: "carta",
        })
      ).id,
    );
  }
  return { id: p.id, patientId: patient.id, invoiceIds };
}

const PDF = new Uint8Array(Buffer.from("%PDF-1.4\n% ricevuta\n%%EOF\n"));
const CSV =
  "protocollo;identificativo;codice;descrizione\n2600001;65498732105|2026-03-10|1|1;S011;IL CF DEL CITTADINO RISULTA FORMALMENTE ERRATO\n";

async function createSubmission(p: Practitioner, data: Record<string, unknown> & { createdAt: Date }) {
  return testDb().stsSubmission.create({
    data: {
      practitionerId: p.id,
      trigger: "manual",
      channel: "async",
      environment: "simulator",
      status: "completed",
      documentCount: 2,
      ...data,
    },
  });
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("STS send log", () => {
  let a: Practitioner;
  let b: Practitioner;
  let mixed: { id: string };
  let older: { id: string };
  let automatic: { id: string };
  let running: { id: string };

  beforeAll(async () => {
    a = await newPractitioner("log-a");
    b = await newPractitioner("log-b");
    older = await createSubmission(a, {
      createdAt: new Date("2026-03-12T08:00:00Z"),
      outcome: "accepted",
      protocollo: "2600000",
      nInviati: 2,
      nAccolti: 2,
      nWarnings: 0,
      nErrori: 0,
      stato: 2,
      receiptPdf: PDF,
    });
    mixed = await createSubmission(a, {
      createdAt: new Date("2026-03-13T08:00:00Z"),
      outcome: "partially_rejected",
      protocollo: "2600001",
      acceptedAt: "13-03-2026 09:00:05",
      nInviati: 2,
      nAccolti: 1,
      nWarnings: 1,
      nErrori: 1,
      stato: 3,
      receiptPdf: PDF,
      errorsCsv: new Uint8Array(Buffer.from(CSV, "utf8")),
    });
    await testDb().stsSubmissionDocument.createMany({
      data: [
        {
          submissionId: mixed.id,
          invoiceId: a.invoiceIds[0],
          practitionerId: a.id,
          operation: "I",
          identity: "65498732105|2026-03-10|1|1",
          version: 1,
          outcome: "rejected",
          codes: JSON.stringify([
            { code: "S011", severity: "error", message: "IL CF DEL CITTADINO RISULTA FORMALMENTE ERRATO" },
          ]),
        },
        {
          submissionId: mixed.id,
          invoiceId: a.invoiceIds[1],
          practitionerId: a.id,
          operation: "V",
          identity: "65498732105|2026-03-11|1|2",
          version: 2,
          outcome: "accepted_with_warnings",
          codes: JSON.stringify([
            { code: "W003", severity: "warning", message: "IL CF CITTADINO NON PRESENTE IN ARCHIVIO" },
          ]),
        },
      ],
    });
    await testDb().stsExchange.createMany({
      data: [
        {
          submissionId: mixed.id,
          practitionerId: a.id,
          operation: "EsitoInvii",
          url: "http://127.0.0.1/esito",
          httpStatus: 200,
          durationMs: 40,
          request: "<esito/>",
          response: "<ok/>",
          createdAt: new Date("2026-03-13T08:05:00Z"),
        },
        {
          submissionId: mixed.id,
          practitionerId: a.id,
          operation: "Upload",
          url: "http://127.0.0.1/upload",
          httpStatus: 200,
          durationMs: 120,
          request: "<upload/>",
          response: "<protocollo>2600001</protocollo>",
          createdAt: new Date("2026-03-13T08:00:01Z"),
        },
      ],
    });
    automatic = await createSubmission(a, {
      createdAt: new Date("2026-03-14T08:10:00Z"),
      trigger: "automatic",
      outcome: "rejected",
      protocollo: "2600002",
      nAccolti: 0,
      nWarnings: 0,
      nErrori: 2,
      stato: 3,
    });
    // No STS figures yet: counts come from the documents' own outcomes.
    running = await createSubmission(a, {
      createdAt: new Date("2026-03-15T08:00:00Z"),
      channel: "sync",
      status: "awaiting_outcome",
      documentCount: 1,
    });
    await testDb().stsSubmissionDocument.create({
      data: {
        submissionId: running.id,
        invoiceId: a.invoiceIds[0],
        practitionerId: a.id,
        operation: "I",
        identity: "65498732105|2026-03-10|1|1",
        version: 2,
        outcome: "pending",
      },
    });
    await createSubmission(b, {
      createdAt: new Date("2026-03-16T08:00:00Z"),
      outcome: "accepted",
      protocollo: "2609999",
    });
  });

  it("lists newest first with STS counts, or the documents' counts when STS gave none", async () => {
    const page = await listSubmissions({ db: testDb(), practitionerId: a.id, page: 1, filters: {} });
    expect(page.rows.map((r) => r.id)).toEqual([running.id, automatic.id, mixed.id, older.id]);
    expect(page).toMatchObject({ total: 4, page: 1, pageCount: 1 });
    const byId = new Map(page.rows.map((r) => [r.id, r]));
    expect(byId.get(mixed.id)).toMatchObject({
      hasReceipt: true,
      hasErrorsCsv: true,
      counts: { accepted: 1, withWarnings: 1, rejected: 1 },
    });
    expect(byId.get(older.id)).toMatchObject({
      hasReceipt: true,
      hasErrorsCsv: false,
      counts: { accepted: 2, withWarnings: 0, rejected: 0 },
    });
    expect(byId.get(automatic.id)).toMatchObject({ hasReceipt: false, counts: { accepted: 0, rejected: 2 } });
    expect(byId.get(running.id)).toMatchObject({ counts: { accepted: 0, rejected: 0, pending: 1 } });
    // The list never carries the stored files themselves.
    expect(byId.get(mixed.id)).not.toHaveProperty("receiptPdf");
  });

  it("filters by trigger and by outcome (pending = no outcome yet)", async () => {
    const list = (filters: { trigger?: string; outcome?: string }) =>
      listSubmissions({ db: testDb(), practitionerId: a.id, page: 1, filters }).then((p) => p.rows.map((r) => r.id));
    expect(await list({ trigger: "automatic" })).toEqual([automatic.id]);
    expect(await list({ trigger: "manual" })).toEqual([running.id, mixed.id, older.id]);
    expect(await list({ outcome: "partially_rejected" })).toEqual([mixed.id]);
    expect(await list({ outcome: "pending" })).toEqual([running.id]);
    expect(await list({ trigger: "automatic", outcome: "accepted" })).toEqual([]);
  });

  it("pages 25 at a time", async () => {
    const p = await newPractitioner("log-pages");
    const base = Date.UTC(2026, 0, 1);
    for (let i = 0; i < 27; i++)
      await createSubmission(p, { createdAt: new Date(base + i * 60_000), protocollo: String(i) });
    const first = await listSubmissions({ db: testDb(), practitionerId: p.id, page: 1, filters: {} });
    const second = await listSubmissions({ db: testDb(), practitionerId: p.id, page: 2, filters: {} });
    expect(first.rows).toHaveLength(25);
    expect(first.rows[0].protocollo).toBe("26");
    expect(second.rows.map((r) => r.protocollo)).toEqual(["1", "0"]);
    expect(second).toMatchObject({ total: 27, pageCount: 2 });
  });

  it("details each document with its codes explained; warnings stay warnings", async () => {
    const s = await getSubmissionOrThrow({ db: testDb(), practitionerId: a.id, submissionId: mixed.id });
    expect(s).toMatchObject({
      protocollo: "2600001",
      acceptedAt: "13-03-2026 09:00:05",
      hasReceipt: true,
      hasErrorsCsv: true,
      error: null,
    });
    const [rejected, warned] = s.documents;
    expect(rejected).toMatchObject({
      operation: "I",
      outcome: "rejected",
      invoice: { id: a.invoiceIds[0], patient: { id: a.patientId } },
    });
    expect(rejected.codes).toEqual([
      expect.objectContaining({
        code: "S011",
        severity: "error",
        fix: "patient",
        explanation: expect.stringMatching(/codice fiscale del paziente/),
      }),
    ]);
    expect(warned).toMatchObject({ operation: "V", outcome: "accepted_with_warnings" });
    expect(warned.codes).toEqual([expect.objectContaining({ code: "W003", severity: "warning" })]);
  });

  it("explains a submission-level error code", async () => {
    const failed = await createSubmission(a, {
      createdAt: new Date("2026-03-01T08:00:00Z"),
      status: "failed",
      outcome: "failed",
      errorCode: "104",
      errorMessage: "PINCODE ERRATO",
    });
    const s = await getSubmissionOrThrow({ db: testDb(), practitionerId: a.id, submissionId: failed.id });
    expect(s.error).toMatchObject({ code: "104", fix: "credentials", explanation: expect.stringMatching(/PIN/) });
    expect(s.documents).toEqual([]);
  });

  it("says on the submission's own page which of its files are stored, as booleans", async () => {
    const files = async (id: string) => {
      const s = await getSubmissionOrThrow({ db: testDb(), practitionerId: a.id, submissionId: id });
      return { hasReceipt: s.hasReceipt, hasErrorsCsv: s.hasErrorsCsv };
    };
    expect(await files(mixed.id)).toStrictEqual({ hasReceipt: true, hasErrorsCsv: true });
    expect(await files(older.id)).toStrictEqual({ hasReceipt: true, hasErrorsCsv: false });
    expect(await files(automatic.id)).toStrictEqual({ hasReceipt: false, hasErrorsCsv: false });
    // Another practitioner's submission is not found, its files' flags included.
    await expect(
      getSubmissionOrThrow({ db: testDb(), practitionerId: b.id, submissionId: mixed.id }),
    ).rejects.toBeInstanceOf(AppError);
  });

  it("returns the receipt and the errors CSV named after the protocollo; not_found when absent", async () => {
    const receipt = await getSubmissionReceipt({ db: testDb(), practitionerId: a.id, submissionId: mixed.id });
    expect(receipt.fileName).toBe("ricevuta-2600001.pdf");
    expect(Buffer.from(receipt.bytes).toString("latin1")).toMatch(/^%PDF-/);
    const csv = await getSubmissionErrorsCsv({ db: testDb(), practitionerId: a.id, submissionId: mixed.id });
    expect(csv.fileName).toBe("errori-2600001.csv");
    expect(Buffer.from(csv.bytes).toString("utf8")).toBe(CSV);
    expect(
      (await rejection(getSubmissionErrorsCsv({ db: testDb(), practitionerId: a.id, submissionId: older.id }))).code,
    ).toBe("not_found");
    expect(
      (await rejection(getSubmissionReceipt({ db: testDb(), practitionerId: a.id, submissionId: automatic.id }))).code,
    ).toBe("not_found");
  });

  it("lists the exchanges oldest first", async () => {
    const exchanges = await listSubmissionExchanges({ db: testDb(), practitionerId: a.id, submissionId: mixed.id });
    expect(exchanges.map((e) => e.operation)).toEqual(["Upload", "EsitoInvii"]);
    expect(exchanges[0]).toMatchObject({
      httpStatus: 200,
      durationMs: 120,
      response: "<protocollo>2600001</protocollo>",
    });
    expect(await listSubmissionExchanges({ db: testDb(), practitionerId: a.id, submissionId: older.id })).toEqual([]);
  });

  it("isolates practitioners: B never sees A's submissions, files or exchanges", async () => {
    const options = { db: testDb(), practitionerId: b.id, submissionId: mixed.id };
    for (const attempt of [
      getSubmissionOrThrow,
      getSubmissionReceipt,
      getSubmissionErrorsCsv,
      listSubmissionExchanges,
    ]) {
      const error = await rejection(attempt(options));
      expect(error.code).toBe("not_found");
      expect(error.userMessage).toBe("Invio non trovato.");
    }
    const bList = await listSubmissions({ db: testDb(), practitionerId: b.id, page: 1, filters: {} });
    expect(bList.rows.map((r) => r.protocollo)).toEqual(["2609999"]);
    const bFiltered = await listSubmissions({
      db: testDb(),
      practitionerId: b.id,
      page: 1,
      filters: { outcome: "partially_rejected" },
    });
    expect(bFiltered.total).toBe(0);
    // And A's list does not contain B's.
    const aList = await listSubmissions({ db: testDb(), practitionerId: a.id, page: 1, filters: {} });
    expect(aList.rows.map((r) => r.protocollo)).not.toContain("2609999");
  });
});
