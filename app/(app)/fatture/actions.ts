"use server";

import { revalidatePath } from "next/cache";
import { toActionError, type ActionResult } from "@/lib/app-error";
import { requirePractitioner } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { searchPatientsForPicker } from "@/lib/services/patients/search-patients-for-picker";
import { patientDisplayName } from "@/lib/services/patients/patient-display-name";
import { cloneInvoice } from "@/lib/services/invoices/clone-invoice";
import { createCreditNote } from "@/lib/services/invoices/create-credit-note";
import { deleteDraft } from "@/lib/services/invoices/delete-draft";
import { issueInvoice } from "@/lib/services/invoices/issue-invoice";
import { recordPayment } from "@/lib/services/invoices/record-payment";
import { reissueInvoice } from "@/lib/services/invoices/reissue-invoice";
import { saveInvoiceDraft } from "@/lib/services/invoices/save-invoice-draft";
import { updateIssuedInvoice } from "@/lib/services/invoices/update-issued-invoice";
import { voidInvoice } from "@/lib/services/invoices/void-invoice";
import { MAX_BATCH } from "@/lib/services/sts/claim-documents";
import { explainStsStatus } from "@/lib/services/sts/explain-sts-status";
import { registerPortalUpload } from "@/lib/services/sts/portal-upload";
import { sendDocumentNow } from "@/lib/services/sts/send-document-now";
import { uploadBatch } from "@/lib/services/sts/upload-batch";

type Id = { id: string };

async function run<T>(context: string, work: (practitionerId: string) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const practitioner = await requirePractitioner();
    const data = await work(practitioner.id);
    revalidatePath("/fatture");
    revalidatePath("/");
    return { ok: true, data };
  } catch (error) {
    return toActionError(error, context);
  }
}

// Saves the form as a draft, or saves and issues it (intent "issue"); an issued invoice is updated in place.
export async function saveInvoiceAction(
  input: unknown,
  target: { invoiceId?: string; intent: "draft" | "issue" | "update" },
) {
  return run<Id>("invoice-save", async (practitionerId) => {
    const base = { db: db(), practitionerId, actorId: practitionerId, input };
    if (target.intent === "update" && target.invoiceId) {
      return { id: (await updateIssuedInvoice({ ...base, invoiceId: target.invoiceId })).id };
    }
    const saved = await saveInvoiceDraft({ ...base, invoiceId: target.invoiceId, issue: target.intent === "issue" });
    return { id: saved.id };
  });
}

// "Annulla e riemetti": voids the invoice and issues a new one with the form's corrected data (new number).
export async function reissueInvoiceAction(invoiceId: string, input: unknown) {
  return run<Id>("invoice-reissue", async (practitionerId) => ({
    id: (
      await reissueInvoice({ db: db(), practitionerId, actorId: practitionerId, invoiceId: String(invoiceId), input })
    ).issued.id,
  }));
}

export async function issueInvoiceAction(invoiceId: string) {
  return run<Id>("invoice-issue", async (practitionerId) => ({
    id: (await issueInvoice({ db: db(), practitionerId, actorId: practitionerId, invoiceId })).id,
  }));
}

export async function recordPaymentAction(invoiceId: string, input: unknown) {
  return run<Id>("invoice-payment", async (practitionerId) => ({
    id: (await recordPayment({ db: db(), practitionerId, actorId: practitionerId, invoiceId, input })).id,
  }));
}

export async function voidInvoiceAction(invoiceId: string, input: unknown) {
  return run<Id>("invoice-void", async (practitionerId) => ({
    id: (await voidInvoice({ db: db(), practitionerId, actorId: practitionerId, invoiceId, input })).id,
  }));
}

export async function deleteDraftAction(invoiceId: string) {
  return run<null>("invoice-delete", async (practitionerId) => {
    await deleteDraft({ db: db(), practitionerId, invoiceId });
    return null;
  });
}

export async function createCreditNoteAction(invoiceId: string, input: unknown) {
  return run<Id>("credit-note", async (practitionerId) => ({
    id: (await createCreditNote({ db: db(), practitionerId, actorId: practitionerId, invoiceId, input })).id,
  }));
}

export async function cloneInvoiceAction(invoiceId: string) {
  return run<Id>("invoice-clone", async (practitionerId) => ({
    id: (await cloneInvoice({ db: db(), practitionerId, actorId: practitionerId, invoiceId })).id,
  }));
}

export async function sendNowAction(invoiceId: string) {
  return run("sts-send-now", async (practitionerId) => {
    const result = await sendDocumentNow({ db: db(), practitionerId, invoiceId: String(invoiceId) });
    revalidatePath("/invii");
    return result;
  });
}

// "Invia selezionate": asynchronous batches of at most 25, one receipt each; outcomes are polled by the worker.
export async function sendSelectedAction(invoiceIds: string[]) {
  return run("sts-send-selected", async (practitionerId) => {
    const ids = stringIds(invoiceIds);
    const batches = [];
    for (let i = 0; i < Math.ceil(ids.length / MAX_BATCH) + 1; i++) {
      const batch = await uploadBatch({ db: db(), practitionerId, trigger: "manual", invoiceIds: ids });
      if (!batch) break;
      batches.push(batch);
    }
    revalidatePath("/invii");
    return {
      submissions: batches.length,
      documents: batches.reduce((n, b) => n + b.documents, 0),
      problems: batches.filter((b) => b.outcome !== "awaiting_outcome").map((b) => b.message ?? ""),
    };
  });
}

export async function stsEligibilityAction(invoiceId: string) {
  return run("sts-eligibility", (practitionerId) =>
    explainStsStatus({ db: db(), practitionerId, invoiceId: String(invoiceId) }),
  );
}

export async function registerPortalUploadAction(invoiceIds: string[], protocollo: string) {
  return run("sts-portal", async (practitionerId) => {
    const result = await registerPortalUpload({
      db: db(),
      practitionerId,
      invoiceIds: stringIds(invoiceIds),
      protocollo: String(protocollo ?? "").trim(),
    });
    revalidatePath("/invii");
    return result;
  });
}

function stringIds(ids: unknown): string[] {
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string").slice(0, 500) : [];
}

export async function searchPatientsAction(q: string) {
  return run("patient-picker", async (practitionerId) => {
    const patients = await searchPatientsForPicker({ db: db(), practitionerId, q: String(q ?? "").slice(0, 100) });
    return patients.map((p) => ({
      id: p.id,
      name: patientDisplayName(p),
      codiceFiscale: p.codiceFiscale,
      opposesSts: p.opposesSts,
    }));
  });
}
