// The isolation sweep's table (issue #8): every page, route handler and server action of the app, and what
// practitioner B must get when replaying practitioner A's request with A's ids. A plain data module, read by
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

export type UrlEntry = {
  /** File under app/, relative to the repository root. */
  file: string;
  /** The URL to request, with placeholders. */
  url: string;
  outcome: UrlOutcome;
  /** Why the outcome is not 404, when it is not. */
  note?: string;
};

export const URLS: UrlEntry[] = [
  // Pages
  { file: "app/(app)/(home)/page.tsx", url: "/", outcome: "own-data-only", note: "dashboard: B's own figures" },
  { file: "app/(app)/fatture/(elenco)/page.tsx", url: "/fatture", outcome: "own-data-only" },
  { file: "app/(app)/fatture/(elenco)/page.tsx", url: "/fatture?q={invoiceNumber}", outcome: "own-data-only" },
  {
    file: "app/(app)/fatture/nuova/page.tsx",
    url: "/fatture/nuova?paziente={patientId}",
    outcome: "no-ids",
    note: "the form must not preselect A's patient",
  },
  { file: "app/(app)/fatture/[id]/page.tsx", url: "/fatture/{invoiceId}", outcome: "404" },
  { file: "app/(app)/fatture/[id]/modifica/page.tsx", url: "/fatture/{invoiceId}/modifica", outcome: "404" },
  {
    file: "app/(app)/fatture/[id]/nota-di-credito/page.tsx",
    url: "/fatture/{invoiceId}/nota-di-credito",
    outcome: "404",
  },
  { file: "app/(app)/pazienti/(elenco)/page.tsx", url: "/pazienti", outcome: "own-data-only" },
  { file: "app/(app)/pazienti/(elenco)/page.tsx", url: "/pazienti?q={patientLastName}", outcome: "own-data-only" },
  { file: "app/(app)/pazienti/nuovo/page.tsx", url: "/pazienti/nuovo", outcome: "no-ids" },
  { file: "app/(app)/pazienti/[id]/page.tsx", url: "/pazienti/{patientId}", outcome: "404" },
  { file: "app/(app)/invii/(elenco)/page.tsx", url: "/invii", outcome: "own-data-only" },
  { file: "app/(app)/invii/[id]/page.tsx", url: "/invii/{submissionId}", outcome: "404" },
  { file: "app/(app)/invii/verifica/page.tsx", url: "/invii/verifica?anno=2026", outcome: "own-data-only" },
  { file: "app/(app)/impostazioni/page.tsx", url: "/impostazioni", outcome: "no-ids" },
  { file: "app/(app)/stato/page.tsx", url: "/stato", outcome: "admin-only" },
  { file: "app/(app)/impostazioni/profilo/page.tsx", url: "/impostazioni/profilo", outcome: "no-ids" },
  { file: "app/(app)/impostazioni/sts/page.tsx", url: "/impostazioni/sts", outcome: "no-ids" },
  { file: "app/(app)/impostazioni/sicurezza/page.tsx", url: "/impostazioni/sicurezza", outcome: "no-ids" },
  {
    file: "app/(app)/impostazioni/sts/diagnostica/page.tsx",
    url: "/impostazioni/sts/diagnostica",
    outcome: "no-ids",
  },
  { file: "app/(auth)/login/page.tsx", url: "/login", outcome: "public" },
  { file: "app/(auth)/registrazione/page.tsx", url: "/registrazione", outcome: "public" },
  // Route handlers
  { file: "app/(app)/fatture/[id]/pdf/route.ts", url: "/fatture/{invoiceId}/pdf", outcome: "404" },
  { file: "app/(app)/fatture/esporta/route.ts", url: "/fatture/esporta", outcome: "own-data-only" },
  { file: "app/(app)/fatture/esporta/route.ts", url: "/fatture/esporta?q={patientLastName}", outcome: "own-data-only" },
  {
    file: "app/(app)/fatture/file-sts/route.ts",
    url: "/fatture/file-sts?ids={invoiceId}&format=xml",
    outcome: "refused",
    note: "B's own documents only: A's ids select nothing, 409 'Nessuno dei documenti selezionati è da inviare.'",
  },
  { file: "app/(app)/invii/[id]/ricevuta/route.ts", url: "/invii/{submissionId}/ricevuta", outcome: "404" },
  { file: "app/(app)/invii/[id]/errori/route.ts", url: "/invii/{submissionId}/errori", outcome: "404" },
  {
    file: "app/(app)/pazienti/[id]/riepilogo/[anno]/route.ts",
    url: "/pazienti/{patientId}/riepilogo/{year}",
    outcome: "404",
  },
  {
    file: "app/api/auth/[...nextauth]/route.ts",
    url: "/api/auth/session",
    outcome: "public",
    note: "NextAuth: answers with the caller's own session",
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

export type ActionEntry = {
  /** The actions.ts file under app/ that exports it. */
  file: string;
  name: string;
  /** The service the action passes requirePractitioner().id to (what the integration sweep calls). */
  service: string;
  outcome: ActionOutcome;
  reason?: string;
};

export const ACTIONS: ActionEntry[] = [
  { file: "app/(app)/actions.ts", name: "logoutAction", service: "endSessions", outcome: "self-only" },
  {
    file: "app/(app)/fatture/actions.ts",
    name: "saveInvoiceAction",
    service: "saveInvoiceDraft / updateIssuedInvoice",
    outcome: "not_found",
  },
  {
    file: "app/(app)/fatture/actions.ts",
    name: "reissueInvoiceAction",
    service: "reissueInvoice",
    outcome: "not_found",
  },
  { file: "app/(app)/fatture/actions.ts", name: "issueInvoiceAction", service: "issueInvoice", outcome: "not_found" },
  { file: "app/(app)/fatture/actions.ts", name: "recordPaymentAction", service: "recordPayment", outcome: "not_found" },
  { file: "app/(app)/fatture/actions.ts", name: "voidInvoiceAction", service: "voidInvoice", outcome: "not_found" },
  { file: "app/(app)/fatture/actions.ts", name: "deleteDraftAction", service: "deleteDraft", outcome: "not_found" },
  {
    file: "app/(app)/fatture/actions.ts",
    name: "createCreditNoteAction",
    service: "createCreditNote",
    outcome: "not_found",
  },
  { file: "app/(app)/fatture/actions.ts", name: "cloneInvoiceAction", service: "cloneInvoice", outcome: "not_found" },
  {
    file: "app/(app)/fatture/actions.ts",
    name: "sendNowAction",
    service: "sendDocumentNow",
    outcome: "refused-or-noop",
    reason: "claims among B's own documents: conflict, the same answer as for an id that does not exist",
  },
  {
    file: "app/(app)/fatture/actions.ts",
    name: "sendSelectedAction",
    service: "uploadBatch",
    outcome: "refused-or-noop",
  },
  {
    file: "app/(app)/fatture/actions.ts",
    name: "stsEligibilityAction",
    service: "explainStsStatus",
    outcome: "not_found",
  },
  {
    file: "app/(app)/fatture/actions.ts",
    name: "registerPortalUploadAction",
    service: "registerPortalUpload",
    outcome: "refused-or-noop",
  },
  {
    file: "app/(app)/fatture/actions.ts",
    name: "searchPatientsAction",
    service: "searchPatientsForPicker",
    outcome: "refused-or-noop",
    reason: "B's search finds none of A's patients",
  },
  {
    file: "app/(app)/impostazioni/profilo/actions.ts",
    name: "saveProfileAction",
    service: "saveProfile",
    outcome: "self-only",
  },
  {
    file: "app/(app)/impostazioni/sicurezza/actions.ts",
    name: "startTwoFactorAction",
    service: "startTwoFactor",
    outcome: "self-only",
  },
  {
    file: "app/(app)/impostazioni/sicurezza/actions.ts",
    name: "confirmTwoFactorAction",
    service: "confirmTwoFactor",
    outcome: "self-only",
  },
  {
    file: "app/(app)/impostazioni/sicurezza/actions.ts",
    name: "disableTwoFactorAction",
    service: "disableTwoFactor",
    outcome: "self-only",
  },
  {
    file: "app/(app)/impostazioni/sts/actions.ts",
    name: "saveStsSettingsAction",
    service: "saveStsSettings",
    outcome: "self-only",
  },
  {
    file: "app/(app)/impostazioni/sts/actions.ts",
    name: "checkStsCredentialsAction",
    service: "checkStsCredentials",
    outcome: "self-only",
  },
  {
    file: "app/(app)/impostazioni/sts/actions.ts",
    name: "runStsDiagnosisAction",
    service: "diagnoseStsForPractitioner",
    outcome: "self-only",
  },
  {
    file: "app/(app)/invii/actions.ts",
    name: "resendSubmissionAction",
    service: "resendSubmission",
    outcome: "not_found",
  },
  {
    file: "app/(app)/invii/verifica/actions.ts",
    name: "verifyYearAction",
    service: "reconcileYear",
    outcome: "self-only",
  },
  {
    file: "app/(app)/invii/verifica/actions.ts",
    name: "fixDifferenceAction",
    service: "fixDifference",
    outcome: "not_found",
    reason: "looks for the difference among the caller's own stored results",
  },
  {
    file: "app/(app)/invii/verifica/actions.ts",
    name: "fixAllDifferencesAction",
    service: "fixAllDifferences",
    outcome: "self-only",
  },
  {
    file: "app/(app)/pazienti/actions.ts",
    name: "createPatientAction",
    service: "createPatient",
    outcome: "self-only",
  },
  {
    file: "app/(app)/pazienti/actions.ts",
    name: "updatePatientAction",
    service: "updatePatient",
    outcome: "not_found",
  },
  {
    file: "app/(app)/pazienti/actions.ts",
    name: "setPatientArchivedAction",
    service: "setPatientArchived",
    outcome: "not_found",
  },
  {
    file: "app/(auth)/registrazione/actions.ts",
    name: "registerAction",
    service: "registerPractitioner",
    outcome: "public",
    reason: "creates an account: there is no session yet",
  },
];
