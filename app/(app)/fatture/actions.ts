"use server";

import { z } from "zod";
import { action, Id, IdList, type Revalidate } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { searchPatientsForPicker } from "@/lib/services/patients/search-patients-for-picker";
import { patientDisplayName } from "@/lib/presentation/patients/patient-display-name";
import { cloneInvoice } from "@/lib/services/invoices/clone-invoice";
import { createCreditNote } from "@/lib/services/invoices/create-credit-note";
import { deleteDraft } from "@/lib/services/invoices/delete-draft";
import { issueInvoice } from "@/lib/services/invoices/issue-invoice";
import { recordPayment } from "@/lib/services/invoices/record-payment";
import { reissueInvoice } from "@/lib/services/invoices/reissue-invoice";
import { saveInvoiceDraft } from "@/lib/services/invoices/save-invoice-draft";
import { updateIssuedInvoice } from "@/lib/services/invoices/update-issued-invoice";
import { voidInvoice } from "@/lib/services/invoices/void-invoice";
import { explainStsStatus } from "@/lib/services/sts/explain-sts-status";
import { registerPortalUpload } from "@/lib/services/sts/portal-upload";
import { sendDocumentNow } from "@/lib/services/sts/send-document-now";
import { sendSelected } from "@/lib/services/sts/upload-selected";

// The list and the dashboard show every invoice's state; the STS actions change the submissions' page too.
const invoicePages: Revalidate[] = ["/fatture", "/"];
const stsPages: Revalidate[] = [...invoicePages, "/invii"];

const SaveTarget = z.object({ invoiceId: Id.optional(), intent: z.enum(["draft", "issue", "update"]) });

// Saves the form as a draft, or saves and issues it (intent "issue"); an issued invoice is updated in place.
export const saveInvoiceAction = action(
  { name: "invoice-save", args: z.tuple([z.unknown(), SaveTarget]), revalidate: invoicePages },
  async ({ practitioner }, input, target) => {
    const base = { db: db(), practitionerId: practitioner.id, actorId: practitioner.id, input };
    if (target.intent === "update" && target.invoiceId) {
      return { id: (await updateIssuedInvoice({ ...base, invoiceId: target.invoiceId })).id };
    }
    const saved = await saveInvoiceDraft({ ...base, invoiceId: target.invoiceId, issue: target.intent === "issue" });
    return { id: saved.id };
  },
);

// "Annulla e riemetti": voids the invoice and issues a new one with the form's corrected data (new number).
export const reissueInvoiceAction = action(
  { name: "invoice-reissue", args: z.tuple([Id, z.unknown()]), revalidate: invoicePages },
  async ({ practitioner }, invoiceId, input) => {
    const { id } = practitioner;
    return { id: (await reissueInvoice({ db: db(), practitionerId: id, actorId: id, invoiceId, input })).issued.id };
  },
);

export const issueInvoiceAction = action(
  { name: "invoice-issue", args: z.tuple([Id]), revalidate: invoicePages },
  async ({ practitioner }, invoiceId) => {
    const { id } = practitioner;
    return { id: (await issueInvoice({ db: db(), practitionerId: id, actorId: id, invoiceId })).id };
  },
);

export const recordPaymentAction = action(
  { name: "invoice-payment", args: z.tuple([Id, z.unknown()]), revalidate: invoicePages },
  async ({ practitioner }, invoiceId, input) => {
    const { id } = practitioner;
    return { id: (await recordPayment({ db: db(), practitionerId: id, actorId: id, invoiceId, input })).id };
  },
);

export const voidInvoiceAction = action(
  { name: "invoice-void", args: z.tuple([Id, z.unknown()]), revalidate: invoicePages },
  async ({ practitioner }, invoiceId, input) => {
    const { id } = practitioner;
    return { id: (await voidInvoice({ db: db(), practitionerId: id, actorId: id, invoiceId, input })).id };
  },
);

export const deleteDraftAction = action(
  { name: "invoice-delete", args: z.tuple([Id]), revalidate: invoicePages },
  async ({ practitioner }, invoiceId) => {
    await deleteDraft({ db: db(), practitionerId: practitioner.id, invoiceId });
    return null;
  },
);

export const createCreditNoteAction = action(
  { name: "credit-note", args: z.tuple([Id, z.unknown()]), revalidate: invoicePages },
  async ({ practitioner }, invoiceId, input) => {
    const { id } = practitioner;
    return { id: (await createCreditNote({ db: db(), practitionerId: id, actorId: id, invoiceId, input })).id };
  },
);

export const cloneInvoiceAction = action(
  { name: "invoice-clone", args: z.tuple([Id]), revalidate: invoicePages },
  async ({ practitioner }, invoiceId) => {
    const { id } = practitioner;
    return { id: (await cloneInvoice({ db: db(), practitionerId: id, actorId: id, invoiceId })).id };
  },
);

export const sendNowAction = action(
  { name: "sts-send-now", args: z.tuple([Id]), revalidate: stsPages },
  ({ practitioner }, invoiceId) => sendDocumentNow({ db: db(), practitionerId: practitioner.id, invoiceId }),
);

// "Invia selezionate": asynchronous batches of at most 25, one receipt each; outcomes are polled by the worker.
export const sendSelectedAction = action(
  { name: "sts-send-selected", args: z.tuple([IdList]), revalidate: stsPages },
  ({ practitioner }, invoiceIds) => sendSelected({ db: db(), practitionerId: practitioner.id, invoiceIds }),
);

export const stsEligibilityAction = action(
  { name: "sts-eligibility", args: z.tuple([Id]), revalidate: invoicePages },
  ({ practitioner }, invoiceId) => explainStsStatus({ db: db(), practitionerId: practitioner.id, invoiceId }),
);

export const registerPortalUploadAction = action(
  { name: "sts-portal", args: z.tuple([IdList, z.string().max(200)]), revalidate: stsPages },
  ({ practitioner }, invoiceIds, protocollo) =>
    registerPortalUpload({ db: db(), practitionerId: practitioner.id, invoiceIds, protocollo: protocollo.trim() }),
);

export const searchPatientsAction = action(
  { name: "patient-picker", args: z.tuple([z.string().max(200)]) },
  async ({ practitioner }, q) => {
    const patients = await searchPatientsForPicker({ db: db(), practitionerId: practitioner.id, q: q.slice(0, 100) });
    return patients.map((p) => ({
      id: p.id,
      name: patientDisplayName(p),
      codiceFiscale: p.codiceFiscale,
      opposesSts: p.opposesSts,
    }));
  },
);
