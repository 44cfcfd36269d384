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
import { saveInvoiceDraft } from "@/lib/services/invoices/save-invoice-draft";
import { updateIssuedInvoice } from "@/lib/services/invoices/update-issued-invoice";
import { voidInvoice } from "@/lib/services/invoices/void-invoice";

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
export async function saveInvoiceAction(input: unknown, target: { invoiceId?: string; intent: "draft" | "issue" | "update" }) {
  return run<Id>("invoice-save", async (practitionerId) => {
    const base = { db: db(), practitionerId, actorId: practitionerId, input };
    if (target.intent === "update" && target.invoiceId) {
      return { id: (await updateIssuedInvoice({ ...base, invoiceId: target.invoiceId })).id };
    }
    const saved = await saveInvoiceDraft({ ...base, invoiceId: target.invoiceId, issue: target.intent === "issue" });
    return { id: saved.id };
  });
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

export async function searchPatientsAction(q: string) {
  return run("patient-picker", async (practitionerId) => {
    const patients = await searchPatientsForPicker({ db: db(), practitionerId, q: String(q ?? "").slice(0, 100) });
    return patients.map((p) => ({ id: p.id, name: patientDisplayName(p), codiceFiscale: p.codiceFiscale, opposesSts: p.opposesSts }));
  });
}
