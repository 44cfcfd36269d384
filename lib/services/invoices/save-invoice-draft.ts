import { AppError, notFound } from "../../app-error";
import type { Db } from "../../db";
import { addInvoiceEvent, findIssuerProfile } from "../../data/invoices";
import { InvoiceFormSchema } from "../../schemas/invoice";
import { parseInput } from "../../schemas/validation";
import { requireOwnPatient, writeInvoiceContent } from "./invoice-content";
import { pricingFromProfile } from "./invoice-pricing";
import { assertDocumentDates } from "./document-dates";
import { issueInvoiceInTx } from "./issue-invoice";

// Creates a draft, or updates one that is still a draft; with `issue` it is also issued in the same transaction
// (so a refused issue leaves nothing half-saved). Drafts have no number and are never sent to STS.
export async function saveInvoiceDraft(options: {
  db: Db;
  practitionerId: string;
  actorId: string;
  invoiceId?: string;
  input: unknown;
  issue?: boolean;
  now?: Date;
}) {
  const { db, practitionerId, actorId } = options;
  const now = options.now ?? new Date();
  const form = parseInput(InvoiceFormSchema, options.input);
  assertDocumentDates(form, now);
  const pricing = pricingFromProfile(await findIssuerProfile(db, practitionerId));
  return db.$transaction(async (tx) => {
    let invoiceId = options.invoiceId;
    if (invoiceId) {
      const existing = await tx.invoice.findFirst({
        where: { id: invoiceId, practitionerId },
        select: { status: true },
      });
      if (!existing) throw notFound("Fattura non trovata.");
      if (existing.status !== "draft") throw new AppError("conflict", "La fattura è già stata emessa.");
    } else {
      const patient = await requireOwnPatient(tx, practitionerId, form.patientId);
      const created = await tx.invoice.create({
        data: { practitionerId, patientId: patient.id, issueDate: form.issueDate, kind: "invoice", status: "draft" },
        select: { id: true },
      });
      invoiceId = created.id;
      await addInvoiceEvent(tx, { invoiceId, practitionerId, actorId, action: "created" });
    }
    const saved = await writeInvoiceContent(tx, { practitionerId, invoiceId, form, pricing });
    if (!options.issue) return saved;
    return issueInvoiceInTx(tx, { practitionerId, actorId, invoiceId, now });
  });
}
