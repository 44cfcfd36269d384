// Isolation sweep of the server actions (issue #8): every action of tests/e2e/isolation-table.ts that is not
// public is replayed through the service it passes requirePractitioner().id to, with practitioner B's id and
// practitioner A's ids. Expected: AppError not_found (or a refusal / no-op for the actions that only look among
// the caller's own rows) and A's rows byte-for-byte unchanged. An action of the table without a replay here fails.
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../lib/app-error";
import { endSessions } from "../../lib/services/accounts/end-sessions";
import { acceptInvitation } from "../../lib/services/accountants/accept-invitation";
import { inviteAccountant } from "../../lib/services/accountants/invite-accountant";
import { openPractice, revokeAccountantAccess } from "../../lib/services/accountants/manage-access";
import { cloneInvoice } from "../../lib/services/invoices/clone-invoice";
import { createCreditNote } from "../../lib/services/invoices/create-credit-note";
import { deleteDraft } from "../../lib/services/invoices/delete-draft";
import { issueInvoice } from "../../lib/services/invoices/issue-invoice";
import { recordPayment } from "../../lib/services/invoices/record-payment";
import { reissueInvoice } from "../../lib/services/invoices/reissue-invoice";
import { saveInvoiceDraft } from "../../lib/services/invoices/save-invoice-draft";
import { updateIssuedInvoice } from "../../lib/services/invoices/update-issued-invoice";
import { voidInvoice } from "../../lib/services/invoices/void-invoice";
import { saveFiguresSettings } from "../../lib/services/figures/save-figures-settings";
import { deliverMessage } from "../../lib/services/mail/deliver-message";
import { saveMailSettings } from "../../lib/services/mail/save-mail-settings";
import { sendInvoiceEmail } from "../../lib/services/mail/send-invoice-email";
import { sendReminders } from "../../lib/services/mail/send-reminders";
import { sendStatementEmail } from "../../lib/services/mail/send-statement-email";
import { createPatient } from "../../lib/services/patients/create-patient";
import { deletePatient } from "../../lib/services/patients/delete-patient";
import { searchPatientsForPicker } from "../../lib/services/patients/search-patients-for-picker";
import { setPatientArchived } from "../../lib/services/patients/set-patient-archived";
import { updatePatient } from "../../lib/services/patients/update-patient";
import { guessMapping } from "../../lib/domain/import/columns";
import { startExport } from "../../lib/services/export/run-export";
import { importFile, previewImport } from "../../lib/services/import/preview-import";
import { saveProfile } from "../../lib/services/profile/save-profile";
import { checkStsCredentials } from "../../lib/services/sts-settings/check-sts-credentials";
import { saveStsSettings } from "../../lib/services/sts-settings/save-sts-settings";
import { diagnoseStsForPractitioner } from "../../lib/services/sts/diagnose-sts";
import { explainStsStatus } from "../../lib/services/sts/explain-sts-status";
import { registerPortalUpload } from "../../lib/services/sts/portal-upload";
import { resendSubmission } from "../../lib/services/sts/resend-submission";
import { sendDocumentNow } from "../../lib/services/sts/send-document-now";
import { sendSelected } from "../../lib/services/sts/upload-selected";
import { uploadBatch } from "../../lib/services/sts/upload-batch";
import { fetchCitizenReports } from "../../lib/services/sts-citizen-reports/fetch-citizen-reports";
import { markReportHandled } from "../../lib/services/sts-citizen-reports/mark-report-handled";
import { cancelOnSts } from "../../lib/services/sts-reconciliation/cancel-on-sts";
import { fixAllDifferences, fixDifference } from "../../lib/services/sts-reconciliation/fix-difference";
import { reconcileYear } from "../../lib/services/sts-reconciliation/reconcile-year";
import { confirmTwoFactor } from "../../lib/services/two-factor/confirm-two-factor";
import { disableTwoFactor } from "../../lib/services/two-factor/disable-two-factor";
import { startTwoFactor } from "../../lib/services/two-factor/start-two-factor";
import { createTestInvoice, SESSION_LINE } from "../../prisma/seed/factories/invoices";
import { createTestPatient } from "../../prisma/seed/factories/patients";
import { buildCodiceFiscale } from "../../prisma/seed/factories/codice-fiscale";
import { KIT_PROFILE } from "../../prisma/seed/factories/profiles";
import { KIT_STS } from "../../prisma/seed/factories/sts";
import { nextPartitaIva } from "../../prisma/seed/factories/partita-iva";
import { ACTIONS, type ActionEntry } from "../e2e/isolation-table";
import { stsPractitioner, useSimulator } from "./sts-harness";
import { registerTestPractitioner, testDb } from "./test-db";

type A = {
  id: string;
  patientId: string;
  issuedId: string;
  draftId: string;
  paidId: string;
  submissionId: string;
  reportId: string;
  messageId: string;
  lastName: string;
  /** An access of A's practice, accepted by A's accountant. */
  accessId: string;
};
type Replay = (ctx: { a: A; b: { id: string; patientId: string } }) => Promise<unknown>;

const PAID = { paymentDate: "2026-03-10", paymentMethod: "carta" } as const;

// Each action's replay: B's session, A's ids, and the input a real client could send.
const IMPORT_NOW = new Date("2026-11-20T10:00:00Z");
const IMPORT_HEADERS = ["Numero", "Data", "Cognome", "Nome", "Codice fiscale", "Importo"];
function importCsv() {
  const row = ["1", "02/01/2026", "Verdi", "Anna", buildCodiceFiscale({ sequence: 4_242_424 }), "70,00"];
  const text = [IMPORT_HEADERS, row].map((cells) => cells.join(";")).join("\n");
  return { name: "fatture.csv", bytes: new TextEncoder().encode(text) };
}

const REPLAYS: Record<string, Replay> = {
  logoutAction: ({ b }) => endSessions({ db: testDb(), practitionerId: b.id }),
  // Two-factor authentication takes no ids: B can only ever start, confirm or turn off B's own.
  startTwoFactorAction: ({ b }) => startTwoFactor({ db: testDb(), practitionerId: b.id }),
  confirmTwoFactorAction: ({ b }) =>
    confirmTwoFactor({ db: testDb(), practitionerId: b.id, input: { code: "123456" } }),
  disableTwoFactorAction: ({ b }) =>
    disableTwoFactor({ db: testDb(), practitionerId: b.id, input: { password: "password-di-a", code: "123456" } }),
  saveInvoiceAction: async ({ a, b }) => {
    const base = { db: testDb(), practitionerId: b.id, actorId: b.id };
    const input = { patientId: b.patientId, issueDate: "2026-03-12", lines: [SESSION_LINE], opposition: false };
    // The three intents of the form, each on A's invoice; then a new draft of B's that bills A's patient.
    for (const attempt of [
      () => updateIssuedInvoice({ ...base, invoiceId: a.issuedId, input }),
      () => saveInvoiceDraft({ ...base, invoiceId: a.draftId, input, issue: false }),
      () => saveInvoiceDraft({ ...base, invoiceId: a.draftId, input, issue: true }),
    ]) {
      expect((await appErrorOrNull(attempt()))?.code).toBe("not_found");
    }
    const foreignPatient = await appErrorOrNull(
      saveInvoiceDraft({ ...base, input: { ...input, patientId: a.patientId }, issue: false }),
    );
    expect(foreignPatient?.fieldErrors.patientId?.[0]).toBe("Paziente non trovato.");
    return updateIssuedInvoice({ ...base, invoiceId: a.issuedId, input });
  },
  reissueInvoiceAction: ({ a, b }) =>
    reissueInvoice({
      db: testDb(),
      practitionerId: b.id,
      actorId: b.id,
      invoiceId: a.paidId,
      input: { patientId: b.patientId, issueDate: "2026-03-12", lines: [SESSION_LINE], opposition: false },
    }),
  issueInvoiceAction: ({ a, b }) =>
    issueInvoice({ db: testDb(), practitionerId: b.id, actorId: b.id, invoiceId: a.draftId }),
  recordPaymentAction: ({ a, b }) =>
    recordPayment({
      db: testDb(),
      practitionerId: b.id,
      actorId: b.id,
      invoiceId: a.issuedId,
      input: { paymentDate: "2026-03-12", paymentMethod: "contanti" },
    }),
  voidInvoiceAction: ({ a, b }) =>
    voidInvoice({
      db: testDb(),
      practitionerId: b.id,
      actorId: b.id,
      invoiceId: a.issuedId,
      input: { reason: "tentativo di B" },
    }),
  deleteDraftAction: ({ a, b }) => deleteDraft({ db: testDb(), practitionerId: b.id, invoiceId: a.draftId }),
  createCreditNoteAction: ({ a, b }) =>
    createCreditNote({
      db: testDb(),
      practitionerId: b.id,
      actorId: b.id,
      invoiceId: a.paidId,
      input: { mode: "full", issueDate: "2026-03-20" },
    }),
  cloneInvoiceAction: ({ a, b }) =>
    cloneInvoice({ db: testDb(), practitionerId: b.id, actorId: b.id, invoiceId: a.paidId }),
  sendNowAction: ({ a, b }) => sendDocumentNow({ db: testDb(), practitionerId: b.id, invoiceId: a.paidId }),
  sendSelectedAction: async ({ a, b }) => {
    expect(
      await uploadBatch({ db: testDb(), practitionerId: b.id, trigger: "manual", invoiceIds: [a.paidId, a.issuedId] }),
    ).toBeNull();
    // Nor does the explanation of what did not go tell B anything of A's documents.
    expect(
      await sendSelected({ db: testDb(), practitionerId: b.id, invoiceIds: [a.paidId, a.issuedId] }),
    ).toMatchObject({ submissions: 0, documents: 0, skipped: {} });
  },
  stsEligibilityAction: ({ a, b }) => explainStsStatus({ db: testDb(), practitionerId: b.id, invoiceId: a.paidId }),
  registerPortalUploadAction: ({ a, b }) =>
    registerPortalUpload({
      db: testDb(),
      practitionerId: b.id,
      invoiceIds: [a.paidId],
      protocollo: "26031012345678901",
    }),
  searchPatientsAction: async ({ a, b }) => {
    expect(await searchPatientsForPicker({ db: testDb(), practitionerId: b.id, q: a.lastName })).toEqual([]);
  },
  // B's file names invoice n. 1 of 2026 (A has one) and a patient: B gets rows of its own, A's stay as they are.
  previewImportAction: ({ b }) =>
    previewImport({ db: testDb(), practitionerId: b.id, file: importCsv(), import: null, now: IMPORT_NOW }),
  runImportAction: ({ b }) =>
    importFile({
      db: testDb(),
      practitionerId: b.id,
      file: importCsv(),
      import: { layout: "invoices", mapping: guessMapping("invoices", IMPORT_HEADERS), sentByDefault: true },
      now: IMPORT_NOW,
    }),
  deletePatientAction: ({ a, b }) => deletePatient({ db: testDb(), practitionerId: b.id, patientId: a.patientId }),
  startExportAction: async ({ b }) => {
    await startExport({ db: testDb(), practitionerId: b.id });
  },
  saveProfileAction: ({ b }) =>
    saveProfile({ db: testDb(), practitionerId: b.id, input: { ...KIT_PROFILE, partitaIva: nextPartitaIva() } }),
  saveStsSettingsAction: ({ b }) =>
    saveStsSettings({
      db: testDb(),
      practitionerId: b.id,
      input: { cfTitolare: KIT_STS.cfTitolare, username: KIT_STS.username, password: "", pincode: "", autoSend: false },
    }),
  checkStsCredentialsAction: ({ b }) => checkStsCredentials({ db: testDb(), practitionerId: b.id, now: new Date() }),
  runStsDiagnosisAction: ({ b }) => diagnoseStsForPractitioner({ db: testDb(), practitionerId: b.id }),
  resendSubmissionAction: ({ a, b }) =>
    resendSubmission({ db: testDb(), practitionerId: b.id, submissionId: a.submissionId }),
  verifyYearAction: ({ b }) => reconcileYear({ db: testDb(), practitionerId: b.id, year: 2026 }),
  fixDifferenceAction: ({ a, b }) => fixDifference({ db: testDb(), practitionerId: b.id, year: 2026, key: a.paidId }),
  checkCitizenReportsAction: ({ b }) => fetchCitizenReports({ db: testDb(), practitionerId: b.id }),
  markCitizenReportHandledAction: ({ a, b }) =>
    markReportHandled({ db: testDb(), practitionerId: b.id, reportId: a.reportId }),
  fixAllDifferencesAction: ({ b }) => fixAllDifferences({ db: testDb(), practitionerId: b.id, year: 2026 }),
  cancelOnStsAction: ({ a, b }) =>
    cancelOnSts({ db: testDb(), practitionerId: b.id, year: 2026, key: `sts:${a.paidId}`, confirmed: true }),
  createPatientAction: ({ b }) =>
    createPatient({
      db: testDb(),
      practitionerId: b.id,
      input: { kind: "person", firstName: "Nuovo", lastName: "Di B", foreign: true },
    }),
  updatePatientAction: ({ a, b }) =>
    updatePatient({
      db: testDb(),
      practitionerId: b.id,
      patientId: a.patientId,
      input: { kind: "person", firstName: "Preso", lastName: "Da B", foreign: true },
    }),
  setPatientArchivedAction: ({ a, b }) =>
    setPatientArchived({ db: testDb(), practitionerId: b.id, patientId: a.patientId, archived: true }),
  saveFiguresSettingsAction: ({ b }) =>
    saveFiguresSettings({
      db: testDb(),
      practitionerId: b.id,
      input: { countPension: true, lowerLimit: "85.000,00", upperLimit: "100.000,00" },
    }),
  saveMailSettingsAction: ({ b }) =>
    saveMailSettings({ db: testDb(), practitionerId: b.id, input: { senderName: "B", smtpPassword: "segreto-di-b" } }),
  sendInvoiceEmailAction: ({ a, b }) =>
    sendInvoiceEmail({ db: testDb(), practitionerId: b.id, invoiceId: a.paidId, input: { to: "b@example.test" } }),
  sendStatementEmailAction: ({ a, b }) =>
    sendStatementEmail({
      db: testDb(),
      practitionerId: b.id,
      patientId: a.patientId,
      year: 2026,
      input: { to: "b@example.test" },
    }),
  retryMessageAction: ({ a, b }) => deliverMessage({ db: testDb(), practitionerId: b.id, messageId: a.messageId }),
  sendRemindersAction: ({ a, b }) =>
    sendReminders({ db: testDb(), practitionerId: b.id, invoiceIds: [a.issuedId, a.paidId] }),
  inviteAccountantAction: ({ b }) => inviteAccountant({ db: testDb(), practitionerId: b.id, now: new Date() }),
  revokeAccountantAction: ({ a, b }) =>
    revokeAccountantAccess({ db: testDb(), practitionerId: b.id, accessId: a.accessId, now: new Date() }),
  // B holds none of A's invitation tokens (they are stored hashed): any token B tries is one it made up.
  acceptInvitationAction: ({ b }) =>
    acceptInvitation({
      db: testDb(),
      token: `inventato${Math.random().toString(36)}`,
      accountantId: b.id,
      now: new Date(),
    }),
  openPracticeAction: ({ a, b }) => openPractice({ db: testDb(), accountantId: b.id, accessId: a.accessId }),
  leavePracticeAction: async () => undefined,
};

/** Ids of the same shape as A's that exist nowhere. */
function ghostOf(_like: A): A {
  const id = () => `c${Math.random().toString(36).slice(2, 12)}${Date.now().toString(36)}`;
  return {
    id: id(),
    patientId: id(),
    issuedId: id(),
    draftId: id(),
    paidId: id(),
    submissionId: id(),
    reportId: id(),
    messageId: id(),
    lastName: `Nessuno${Date.now().toString(36)}`,
    accessId: id(),
  };
}

async function appErrorOrNull(promise: Promise<unknown>): Promise<AppError | null> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (error !== null && !(error instanceof AppError)) throw error;
  return error;
}

/** Everything stored for practitioner A, to compare before and after each replay. */
async function snapshotOf(practitionerId: string) {
  const db = testDb();
  const where = { practitionerId };
  const [
    practitioner,
    profile,
    stsSettings,
    patients,
    invoices,
    lines,
    events,
    counters,
    submissions,
    documents,
    exchanges,
    citizenReports,
    mailSettings,
    outbox,
    accesses,
  ] = await Promise.all([
    db.practitioner.findUniqueOrThrow({ where: { id: practitionerId } }),
    db.profile.findUnique({ where }),
    db.stsSettings.findUnique({ where }),
    db.patient.findMany({ where, orderBy: { id: "asc" } }),
    db.invoice.findMany({ where, orderBy: { id: "asc" } }),
    db.invoiceLine.findMany({ where: { invoice: { practitionerId } }, orderBy: { id: "asc" } }),
    db.invoiceEvent.findMany({ where: { invoice: { practitionerId } }, orderBy: { id: "asc" } }),
    db.invoiceCounter.findMany({ where }),
    db.stsSubmission.findMany({ where, orderBy: { id: "asc" } }),
    db.stsSubmissionDocument.findMany({ where, orderBy: { id: "asc" } }),
    db.stsExchange.findMany({ where, orderBy: { id: "asc" } }),
    db.stsCitizenReport.findMany({ where, orderBy: { id: "asc" } }),
    db.mailSettings.findUnique({ where }),
    db.outboxMessage.findMany({ where, orderBy: { id: "asc" } }),
    db.accountantAccess.findMany({ where, orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify(
    {
      practitioner,
      profile,
      stsSettings,
      patients,
      invoices,
      lines,
      events,
      counters,
      submissions,
      documents,
      exchanges,
      citizenReports,
      mailSettings,
      outbox,
      accesses,
    },
    (_k, v: unknown) =>
      v instanceof Uint8Array ? Buffer.from(v).toString("base64") : typeof v === "bigint" ? v.toString() : v,
  );
}

describe("isolation sweep: server actions replayed by another practitioner", () => {
  useSimulator();
  let a: A;
  let b: { id: string; patientId: string };

  beforeAll(async () => {
    const pa = await stsPractitioner("sweep-a");
    b = await stsPractitioner("sweep-b");
    const lastName = `Riservato${Date.now().toString(36)}`;
    const patient = await createTestPatient(testDb(), pa.id, { firstName: "Paola", lastName });
    const issued = await createTestInvoice(testDb(), pa.id, { patientId: patient.id, issueDate: "2026-03-10" });
    const paid = await createTestInvoice(testDb(), pa.id, {
      patientId: patient.id,
      issueDate: "2026-03-11",
      ...PAID,
      paymentDate: "2026-03-11",
    });
    const draft = await createTestInvoice(testDb(), pa.id, {
      patientId: patient.id,
      issueDate: "2026-03-12",
      issue: false,
    });
    const rejectedPaid = await createTestInvoice(testDb(), pa.id, {
      patientId: patient.id,
      issueDate: "2026-03-13",
      ...PAID,
      paymentDate: "2026-03-13",
    });
    // A completed submission of A's with a rejected document: what "Reinvia" acts on.
    const submission = await testDb().stsSubmission.create({
      data: {
        practitionerId: pa.id,
        trigger: "manual",
        channel: "async",
        environment: "simulator",
        status: "completed",
        outcome: "rejected",
        protocollo: "26031300000000001",
        documentCount: 1,
        nInviati: 1,
        nErrori: 1,
      },
    });
    await testDb().stsSubmissionDocument.create({
      data: {
        submissionId: submission.id,
        invoiceId: rejectedPaid.id,
        practitionerId: pa.id,
        operation: "I",
        identity: "x|2026-03-13|1|4",
        version: 1,
        outcome: "rejected",
        codes: "[]",
      },
    });
    // A citizen's report about A's paid invoice, still to handle: what "Segna come gestita" acts on.
    const report = await testDb().stsCitizenReport.create({
      data: {
        practitionerId: pa.id,
        invoiceId: paid.id,
        identity: "x|2026-03-11|1|2",
        fingerprint: "sweep",
        reportedOn: "2026-11-02",
        text: "Importo sbagliato",
        detail: "null",
        extra: "{}",
      },
    });
    // A message of A's in the outbox (no SMTP configured): what "Riprova" acts on.
    const message = await sendInvoiceEmail({
      db: testDb(),
      practitionerId: pa.id,
      invoiceId: issued.id,
      input: { to: "paola@example.test" },
    });
    const invitation = await inviteAccountant({ db: testDb(), practitionerId: pa.id, now: new Date() });
    const accountant = await registerTestPractitioner("sweep-accountant");
    const accepted = await acceptInvitation({
      db: testDb(),
      token: invitation.path.split("/").pop()!,
      accountantId: accountant.id,
      now: new Date(),
    });
    a = {
      messageId: message.id,
      accessId: accepted.accessId,
      id: pa.id,
      patientId: patient.id,
      issuedId: issued.id,
      draftId: draft.id,
      paidId: paid.id,
      submissionId: submission.id,
      reportId: report.id,
      lastName,
    };
  });

  it("has a replay for every non-public action of the table, and none for an action not in it", () => {
    const needed = ACTIONS.filter((x) => x.outcome !== "public")
      .map((x) => x.name)
      .sort();
    expect(Object.keys(REPLAYS).sort()).toEqual(needed);
  });

  const entries = ACTIONS.filter((x): x is ActionEntry => x.outcome !== "public");
  it.each(entries.map((e) => [e.name, e] as const))("%s: B cannot reach A's rows", async (_name, entry) => {
    const before = await snapshotOf(a.id);
    const error = await appErrorOrNull(REPLAYS[entry.name]({ a, b }));
    if (entry.outcome !== "self-only") {
      // No existence oracle: A's ids get exactly the answer of ids that exist nowhere.
      const ghost = await appErrorOrNull(REPLAYS[entry.name]({ a: ghostOf(a), b }));
      expect(
        { code: error?.code, message: error?.userMessage },
        `${entry.name}: A's ids answered differently from unknown ids`,
      ).toEqual({
        code: ghost?.code,
        message: ghost?.userMessage,
      });
    }
    if (entry.outcome === "not_found") {
      expect(error?.code, `${entry.name} via ${entry.service}`).toBe("not_found");
    } else if (entry.outcome === "refused-or-noop") {
      if (error) expect(["not_found", "conflict", "validation", "forbidden"]).toContain(error.code);
    } else {
      // self-only: the action may well succeed, on B's own rows.
      if (error) expect(["validation", "conflict", "sts_credentials"]).toContain(error.code);
    }
    expect(await snapshotOf(a.id), `${entry.name} changed A's rows`).toBe(before);
  });

  it("A's own rows still work for A (the replays failed because of B, not because the rows were unusable)", async () => {
    const explained = await explainStsStatus({ db: testDb(), practitionerId: a.id, invoiceId: a.paidId });
    expect(explained).toBeTruthy();
    const clone = await cloneInvoice({ db: testDb(), practitionerId: a.id, actorId: a.id, invoiceId: a.paidId });
    expect(clone.practitionerId).toBe(a.id);
    await setPatientArchived({ db: testDb(), practitionerId: a.id, patientId: a.patientId, archived: false });
    await deleteDraft({ db: testDb(), practitionerId: a.id, invoiceId: a.draftId });
    await markReportHandled({ db: testDb(), practitionerId: a.id, reportId: a.reportId });
    expect((await testDb().stsCitizenReport.findUniqueOrThrow({ where: { id: a.reportId } })).handledAt).not.toBeNull();
  });
});
