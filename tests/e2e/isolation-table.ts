// The isolation sweep's table (issue #8): every page, route handler and server action of the app, and what
// practitioner B must get when replaying practitioner A's request with A's ids, and what A's accountant gets (issue
// 21: an account looking at A's practice read-only, before and after A revokes the access). A plain data module, read by
// tests/unit/isolation-coverage.test.ts (every file under app/ must be listed here), by the e2e sweep
// tests/e2e/security-isolation.spec.ts (pages and route handlers) and by the integration sweep
// tests/integration/isolation-actions.test.ts (server actions, through the service each one calls).

/** Placeholders a URL template may use; the sweep fills them with A's ids. */
export const PLACEHOLDERS = [
  "{invoiceId}",
  "{invoiceNumber}",
  "{patientId}",
  "{patientLastName}",
  "{submissionId}",
  "{year}",
  "{exportId}",
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export type UrlOutcome =
  /** B gets 404 (pages: Next notFound(); route handlers: routeError on AppError not_found). */
  | "404"
  /** A list or aggregate: B gets 200 but none of A's markers (patient name, invoice number, protocollo). */
  | "own-data-only"
  /** A handler that takes A's ids in the query but only looks among B's own rows: B gets a 4xx, never A's data. */
  | "refused"
  /** Nothing of A's to replay (a form, an account page): B gets 200 and none of A's markers. */
  | "no-ids"
  /** Public page (before login). */
  | "public"
  /**
   * The installation's administrator only (ADMIN_EMAIL of the run, which neither A nor B is): both get 404, and the
   * administrator's own view is tested in installation-status.spec.ts.
   */
  | "admin-only";

export type AccountantUrlOutcome =
  /** In the accountant's read-only set: 200 and A's data, as for A; after revocation, refused. */
  | "read"
  /** Outside it: pages redirect to /commercialista, route handlers answer 403; never A's data. */
  | "refused"
  /** Public, or the account's own page (/commercialista): answered as for any account, never A's data. */
  | "account";

export type UrlEntry = {
  /** File under app/, relative to the repository root. */
  file: string;
  /** The URL to request, with placeholders. */
  url: string;
  outcome: UrlOutcome;
  /** What A's accountant gets (issue 21). */
  accountant: AccountantUrlOutcome;
  /** Why the outcome is not 404, when it is not. */
  note?: string;
};

export const URLS: UrlEntry[] = [
  // Pages
  {
    file: "app/(app)/(home)/page.tsx",
    url: "/",
    outcome: "own-data-only",
    accountant: "refused",
    note: "dashboard: B's own figures",
  },
  { file: "app/(app)/fatture/(elenco)/page.tsx", url: "/fatture", outcome: "own-data-only", accountant: "read" },
  {
    file: "app/(app)/fatture/(elenco)/page.tsx",
    url: "/fatture?q={invoiceNumber}",
    outcome: "own-data-only",
    accountant: "read",
  },
  {
    file: "app/(app)/fatture/nuova/page.tsx",
    url: "/fatture/nuova?paziente={patientId}",
    outcome: "no-ids",
    accountant: "refused",
    note: "the form must not preselect A's patient",
  },
  { file: "app/(app)/fatture/[id]/page.tsx", url: "/fatture/{invoiceId}", outcome: "404", accountant: "read" },
  {
    file: "app/(app)/fatture/[id]/modifica/page.tsx",
    url: "/fatture/{invoiceId}/modifica",
    outcome: "404",
    accountant: "refused",
  },
  {
    file: "app/(app)/fatture/[id]/nota-di-credito/page.tsx",
    url: "/fatture/{invoiceId}/nota-di-credito",
    outcome: "404",
    accountant: "refused",
  },
  { file: "app/(app)/pazienti/(elenco)/page.tsx", url: "/pazienti", outcome: "own-data-only", accountant: "refused" },
  {
    file: "app/(app)/pazienti/(elenco)/page.tsx",
    url: "/pazienti?q={patientLastName}",
    outcome: "own-data-only",
    accountant: "refused",
  },
  { file: "app/(app)/pazienti/nuovo/page.tsx", url: "/pazienti/nuovo", outcome: "no-ids", accountant: "refused" },
  {
    file: "app/(app)/pazienti/[id]/dati/route.ts",
    url: "/pazienti/{patientId}/dati",
    outcome: "404",
    accountant: "refused",
  },
  { file: "app/(app)/pazienti/[id]/page.tsx", url: "/pazienti/{patientId}", outcome: "404", accountant: "refused" },
  { file: "app/(app)/invii/(elenco)/page.tsx", url: "/invii", outcome: "own-data-only", accountant: "read" },
  { file: "app/(app)/invii/[id]/page.tsx", url: "/invii/{submissionId}", outcome: "404", accountant: "read" },
  {
    file: "app/(app)/invii/verifica/page.tsx",
    url: "/invii/verifica?anno=2026",
    outcome: "own-data-only",
    accountant: "refused",
  },
  {
    file: "app/(app)/invii/segnalazioni/page.tsx",
    url: "/invii/segnalazioni",
    outcome: "own-data-only",
    accountant: "refused",
  },
  { file: "app/(app)/impostazioni/page.tsx", url: "/impostazioni", outcome: "no-ids", accountant: "refused" },
  { file: "app/(app)/stato/page.tsx", url: "/stato", outcome: "admin-only", accountant: "refused" },
  {
    file: "app/(app)/impostazioni/profilo/page.tsx",
    url: "/impostazioni/profilo",
    outcome: "no-ids",
    accountant: "refused",
  },
  {
    file: "app/(app)/impostazioni/sicurezza/page.tsx",
    url: "/impostazioni/sicurezza",
    outcome: "no-ids",
    accountant: "refused",
  },
  { file: "app/(app)/impostazioni/sts/page.tsx", url: "/impostazioni/sts", outcome: "no-ids", accountant: "refused" },
  {
    file: "app/(app)/impostazioni/importa/page.tsx",
    url: "/impostazioni/importa",
    outcome: "no-ids",
    accountant: "refused",
  },
  {
    file: "app/(app)/impostazioni/esporta/page.tsx",
    url: "/impostazioni/esporta",
    outcome: "own-data-only",
    note: "B sees its own latest export, never A's link",
    accountant: "refused",
  },
  {
    file: "app/(app)/impostazioni/esporta/[id]/route.ts",
    url: "/impostazioni/esporta/{exportId}",
    outcome: "404",
    accountant: "refused",
  },
  {
    file: "app/(app)/impostazioni/sts/diagnostica/page.tsx",
    url: "/impostazioni/sts/diagnostica",
    outcome: "no-ids",
    accountant: "refused",
  },
  {
    file: "app/(app)/impostazioni/email/page.tsx",
    url: "/impostazioni/email",
    outcome: "no-ids",
    accountant: "refused",
  },
  {
    file: "app/(app)/posta/page.tsx",
    url: "/posta",
    outcome: "own-data-only",
    note: "B's own messages",
    accountant: "refused",
  },
  { file: "app/(app)/promemoria/page.tsx", url: "/promemoria", outcome: "own-data-only", accountant: "refused" },
  {
    file: "app/(app)/cifre/page.tsx",
    url: "/cifre?anno=2026",
    outcome: "no-ids",
    note: "totals only (no names, numbers or ids), computed from B's own documents (tests/integration/year-figures.test.ts)",
    accountant: "read",
  },
  { file: "app/(auth)/login/page.tsx", url: "/login", outcome: "public", accountant: "account" },
  { file: "app/(auth)/registrazione/page.tsx", url: "/registrazione", outcome: "public", accountant: "account" },
  // Route handlers
  { file: "app/(app)/fatture/[id]/pdf/route.ts", url: "/fatture/{invoiceId}/pdf", outcome: "404", accountant: "read" },
  { file: "app/(app)/fatture/esporta/route.ts", url: "/fatture/esporta", outcome: "own-data-only", accountant: "read" },
  {
    file: "app/(app)/fatture/esporta/route.ts",
    url: "/fatture/esporta?q={patientLastName}",
    outcome: "own-data-only",
    accountant: "read",
  },
  {
    file: "app/(app)/fatture/file-sts/route.ts",
    url: "/fatture/file-sts?ids={invoiceId}&format=xml",
    outcome: "refused",
    accountant: "refused",
    note: "B's own documents only: A's ids select nothing, 409 'Nessuno dei documenti selezionati è da inviare.'",
  },
  {
    file: "app/(app)/invii/[id]/ricevuta/route.ts",
    url: "/invii/{submissionId}/ricevuta",
    outcome: "404",
    accountant: "read",
  },
  {
    file: "app/(app)/invii/[id]/errori/route.ts",
    url: "/invii/{submissionId}/errori",
    outcome: "404",
    accountant: "read",
  },
  {
    file: "app/(app)/pazienti/[id]/riepilogo/[anno]/route.ts",
    url: "/pazienti/{patientId}/riepilogo/{year}",
    outcome: "404",
    accountant: "refused",
  },
  {
    file: "app/(app)/cifre/esporta/route.ts",
    url: "/cifre/esporta?anno=2026&formato=csv",
    outcome: "no-ids",
    note: "B's own totals and document numbers; no names or ids",
    accountant: "read",
  },
  {
    file: "app/(app)/cifre/esporta/route.ts",
    url: "/cifre/esporta?anno=2026&formato=pdf",
    outcome: "no-ids",
    note: "B's own totals and document numbers; no names or ids",
    accountant: "read",
  },
  {
    file: "app/api/auth/[...nextauth]/route.ts",
    url: "/api/auth/session",
    outcome: "public",
    accountant: "account",
    note: "NextAuth: answers with the caller's own session",
  },
  // The accountant's own pages (issue 21).
  {
    file: "app/(app)/impostazioni/commercialista/page.tsx",
    url: "/impostazioni/commercialista",
    outcome: "no-ids",
    accountant: "refused",
  },
  {
    file: "app/(commercialista)/commercialista/page.tsx",
    url: "/commercialista",
    outcome: "no-ids",
    accountant: "account",
    note: "the practices that gave the account access: A's name only to A's accountant",
  },
  {
    file: "app/(commercialista)/invito/[token]/page.tsx",
    url: "/invito/invito-inesistente-0123456789abcdef",
    outcome: "public",
    accountant: "account",
    note: "an invitation shows only the inviting practitioner's name; this token matches none",
  },
];

export type ActionOutcome =
  /** The service called with B's practitionerId and A's ids throws AppError not_found; A's rows are unchanged. */
  | "not_found"
  /** The service looks among B's own rows only: it refuses (conflict/validation) or does nothing; A's rows unchanged. */
  | "refused-or-noop"
  /** The action takes no id: it can only act on the caller's own rows; A's rows are unchanged. */
  | "self-only"
  /** Before login: no session to check. */
  | "public";

export type AccountantActionOutcome =
  /** Built with `action(...)`: the wrapper refuses an accountant's session before anything runs. */
  | "refused"
  /** Built with `accountAction(...)`: it acts on the account itself (logout, switching practice), never on A's rows. */
  | "account"
  /** Before login. */
  | "public";

export type ActionEntry = {
  /** The actions.ts file under app/ that exports it. */
  file: string;
  name: string;
  /** The service the action passes requirePractitioner().id to (what the integration sweep calls). */
  service: string;
  outcome: ActionOutcome;
  /** What A's accountant gets (issue 21), checked against the wrapper's own metadata by tests/unit/server-actions.test.ts. */
  accountant: AccountantActionOutcome;
  reason?: string;
};

export const ACTIONS: ActionEntry[] = [
  {
    file: "app/(app)/actions.ts",
    name: "logoutAction",
    service: "endSessions",
    outcome: "self-only",
    accountant: "account",
  },
  {
    file: "app/(app)/fatture/actions.ts",
    name: "saveInvoiceAction",
    service: "saveInvoiceDraft / updateIssuedInvoice",
    outcome: "not_found",
    accountant: "refused",
  },
  {
    file: "app/(app)/fatture/actions.ts",
    name: "reissueInvoiceAction",
    service: "reissueInvoice",
    outcome: "not_found",
    accountant: "refused",
  },
  {
    file: "app/(app)/fatture/actions.ts",
    name: "issueInvoiceAction",
    service: "issueInvoice",
    outcome: "not_found",
    accountant: "refused",
  },
  {
    file: "app/(app)/fatture/actions.ts",
    name: "recordPaymentAction",
    service: "recordPayment",
    outcome: "not_found",
    accountant: "refused",
  },
  {
    file: "app/(app)/fatture/actions.ts",
    name: "voidInvoiceAction",
    service: "voidInvoice",
    outcome: "not_found",
    accountant: "refused",
  },
  {
    file: "app/(app)/fatture/actions.ts",
    name: "deleteDraftAction",
    service: "deleteDraft",
    outcome: "not_found",
    accountant: "refused",
  },
  {
    file: "app/(app)/fatture/actions.ts",
    name: "createCreditNoteAction",
    service: "createCreditNote",
    outcome: "not_found",
    accountant: "refused",
  },
  {
    file: "app/(app)/fatture/actions.ts",
    name: "cloneInvoiceAction",
    service: "cloneInvoice",
    outcome: "not_found",
    accountant: "refused",
  },
  {
    file: "app/(app)/fatture/actions.ts",
    name: "sendNowAction",
    service: "sendDocumentNow",
    outcome: "refused-or-noop",
    accountant: "refused",
    reason: "claims among B's own documents: conflict, the same answer as for an id that does not exist",
  },
  {
    file: "app/(app)/fatture/actions.ts",
    name: "sendSelectedAction",
    service: "uploadBatch",
    outcome: "refused-or-noop",
    accountant: "refused",
  },
  {
    file: "app/(app)/fatture/actions.ts",
    name: "stsEligibilityAction",
    service: "explainStsStatus",
    outcome: "not_found",
    accountant: "refused",
  },
  {
    file: "app/(app)/fatture/actions.ts",
    name: "registerPortalUploadAction",
    service: "registerPortalUpload",
    outcome: "refused-or-noop",
    accountant: "refused",
  },
  {
    file: "app/(app)/fatture/actions.ts",
    name: "searchPatientsAction",
    service: "searchPatientsForPicker",
    outcome: "refused-or-noop",
    accountant: "refused",
    reason: "B's search finds none of A's patients",
  },
  {
    file: "app/(app)/impostazioni/profilo/actions.ts",
    name: "saveProfileAction",
    service: "saveProfile",
    outcome: "self-only",
    accountant: "refused",
  },
  {
    file: "app/(app)/impostazioni/importa/actions.ts",
    name: "previewImportAction",
    service: "previewImport",
    outcome: "self-only",
    accountant: "refused",
  },
  {
    file: "app/(app)/impostazioni/importa/actions.ts",
    name: "runImportAction",
    service: "importFile",
    outcome: "self-only",
    accountant: "refused",
  },
  {
    file: "app/(app)/impostazioni/esporta/actions.ts",
    name: "startExportAction",
    service: "startExport",
    outcome: "self-only",
    accountant: "refused",
  },
  {
    file: "app/(app)/pazienti/actions.ts",
    name: "deletePatientAction",
    service: "deletePatient",
    outcome: "not_found",
    accountant: "refused",
  },
  {
    file: "app/(app)/impostazioni/sicurezza/actions.ts",
    name: "startTwoFactorAction",
    service: "startTwoFactor",
    outcome: "self-only",
    accountant: "refused",
  },
  {
    file: "app/(app)/impostazioni/sicurezza/actions.ts",
    name: "confirmTwoFactorAction",
    service: "confirmTwoFactor",
    outcome: "self-only",
    accountant: "refused",
  },
  {
    file: "app/(app)/impostazioni/sicurezza/actions.ts",
    name: "disableTwoFactorAction",
    service: "disableTwoFactor",
    outcome: "self-only",
    accountant: "refused",
  },
  {
    file: "app/(app)/impostazioni/sts/actions.ts",
    name: "saveStsSettingsAction",
    service: "saveStsSettings",
    outcome: "self-only",
    accountant: "refused",
  },
  {
    file: "app/(app)/impostazioni/sts/actions.ts",
    name: "checkStsCredentialsAction",
    service: "checkStsCredentials",
    outcome: "self-only",
    accountant: "refused",
  },
  {
    file: "app/(app)/impostazioni/sts/actions.ts",
    name: "runStsDiagnosisAction",
    service: "diagnoseStsForPractitioner",
    outcome: "self-only",
    accountant: "refused",
  },
  {
    file: "app/(app)/invii/actions.ts",
    name: "resendSubmissionAction",
    service: "resendSubmission",
    outcome: "not_found",
    accountant: "refused",
  },
  {
    file: "app/(app)/invii/verifica/actions.ts",
    name: "verifyYearAction",
    service: "reconcileYear",
    outcome: "self-only",
    accountant: "refused",
  },
  {
    file: "app/(app)/invii/verifica/actions.ts",
    name: "fixDifferenceAction",
    service: "fixDifference",
    outcome: "not_found",
    accountant: "refused",
    reason: "looks for the difference among the caller's own stored results",
  },
  {
    file: "app/(app)/invii/verifica/actions.ts",
    name: "fixAllDifferencesAction",
    service: "fixAllDifferences",
    outcome: "self-only",
    accountant: "refused",
  },
  {
    file: "app/(app)/invii/segnalazioni/actions.ts",
    name: "checkCitizenReportsAction",
    service: "fetchCitizenReports",
    outcome: "self-only",
    reason: "reads the caller's own STS reports and keeps only the caller's own documents",
    accountant: "refused",
  },
  {
    file: "app/(app)/invii/segnalazioni/actions.ts",
    name: "markCitizenReportHandledAction",
    service: "markReportHandled",
    outcome: "not_found",
    accountant: "refused",
  },
  {
    file: "app/(app)/invii/verifica/actions.ts",
    name: "cancelOnStsAction",
    service: "cancelOnSts",
    outcome: "not_found",
    reason: "looks for the difference among the caller's own stored results",
    accountant: "refused",
  },
  {
    file: "app/(app)/pazienti/actions.ts",
    name: "createPatientAction",
    service: "createPatient",
    outcome: "self-only",
    accountant: "refused",
  },
  {
    file: "app/(app)/pazienti/actions.ts",
    name: "updatePatientAction",
    service: "updatePatient",
    outcome: "not_found",
    accountant: "refused",
  },
  {
    file: "app/(app)/pazienti/actions.ts",
    name: "setPatientArchivedAction",
    service: "setPatientArchived",
    outcome: "not_found",
    accountant: "refused",
  },
  {
    file: "app/(app)/cifre/actions.ts",
    name: "saveFiguresSettingsAction",
    service: "saveFiguresSettings",
    outcome: "self-only",
    accountant: "refused",
  },
  {
    file: "app/(app)/impostazioni/email/actions.ts",
    name: "saveMailSettingsAction",
    service: "saveMailSettings",
    outcome: "self-only",
    accountant: "refused",
  },
  {
    file: "app/(app)/posta/actions.ts",
    name: "sendInvoiceEmailAction",
    service: "sendInvoiceEmail",
    outcome: "not_found",
    accountant: "refused",
  },
  {
    file: "app/(app)/posta/actions.ts",
    name: "sendStatementEmailAction",
    service: "sendStatementEmail",
    outcome: "not_found",
    accountant: "refused",
  },
  {
    file: "app/(app)/posta/actions.ts",
    name: "retryMessageAction",
    service: "deliverMessage",
    outcome: "not_found",
    accountant: "refused",
  },
  {
    file: "app/(app)/posta/actions.ts",
    name: "sendRemindersAction",
    service: "sendReminders",
    outcome: "not_found",
    reason: "looks for unpaid invoices among the caller's own only",
    accountant: "refused",
  },
  {
    file: "app/(auth)/registrazione/actions.ts",
    name: "registerAction",
    service: "registerPractitioner",
    outcome: "public",
    accountant: "public",
    reason: "creates an account: there is no session yet",
  },
  {
    file: "app/(app)/impostazioni/commercialista/actions.ts",
    name: "inviteAccountantAction",
    service: "inviteAccountant",
    outcome: "self-only",
    accountant: "refused",
  },
  {
    file: "app/(app)/impostazioni/commercialista/actions.ts",
    name: "revokeAccountantAction",
    service: "revokeAccountantAccess",
    outcome: "not_found",
    accountant: "refused",
  },
  {
    file: "app/(commercialista)/commercialista/actions.ts",
    name: "acceptInvitationAction",
    service: "acceptInvitation",
    outcome: "refused-or-noop",
    accountant: "account",
    reason: "binds the invitation whose token the caller holds; tokens are stored hashed, B holds none of A's",
  },
  {
    file: "app/(commercialista)/commercialista/actions.ts",
    name: "openPracticeAction",
    service: "openPractice",
    outcome: "not_found",
    accountant: "account",
    reason: "only an access granted to the caller's own account opens",
  },
  {
    file: "app/(commercialista)/commercialista/actions.ts",
    name: "leavePracticeAction",
    service: "none (clears the caller's viewing cookie)",
    outcome: "self-only",
    accountant: "account",
  },
];
