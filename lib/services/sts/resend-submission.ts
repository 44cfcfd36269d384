import { AppError, notFound } from "../../app-error";
import type { Db } from "../../db";
import { findStsInvoices } from "../../data/sts-documents";
import { isoDate } from "../../domain/dates";
import { isSendable } from "../../domain/sts/status";
import { hasStsCredentials, statusOf } from "./refresh-sts-state";
import { sendDocumentNow } from "./send-document-now";
import { uploadSelected } from "./upload-selected";

// "Invia di nuovo i documenti corretti": the documents of a past submission that are sendable again (fixed after a
// rejection, or failed for a transient reason) go out as a new submission — one document by the synchronous
// service, more as batches.
export async function sendableDocumentsOf(options: {
  db: Db;
  practitionerId: string;
  submissionId: string;
  now?: Date;
}) {
  const { db, practitionerId, submissionId } = options;
  const submission = await db.stsSubmission.findFirst({
    where: { id: submissionId, practitionerId },
    include: { documents: { select: { invoiceId: true } } },
  });
  if (!submission) throw notFound("Invio non trovato.");
  const configured = await hasStsCredentials(db, practitionerId);
  const today = isoDate(options.now ?? new Date());
  const invoices = await findStsInvoices(db, practitionerId, { ids: submission.documents.map((d) => d.invoiceId) });
  return invoices.filter((invoice) => isSendable(statusOf(invoice, configured, today))).map((invoice) => invoice.id);
}

export async function resendSubmission(options: { db: Db; practitionerId: string; submissionId: string; now?: Date }) {
  const ids = await sendableDocumentsOf(options);
  if (ids.length === 0)
    throw new AppError(
      "conflict",
      "Nessun documento di questo invio è da inviare di nuovo: correggi prima gli errori indicati.",
    );
  if (ids.length === 1) {
    const result = await sendDocumentNow({
      db: options.db,
      practitionerId: options.practitionerId,
      invoiceId: ids[0]!,
      now: options.now,
    });
    return {
      submissions: result.documents.length,
      documents: result.documents.length,
      submissionId: result.submissionId,
    };
  }
  const batches = await uploadSelected({
    db: options.db,
    practitionerId: options.practitionerId,
    invoiceIds: ids,
    now: options.now,
  });
  return { submissions: batches.length, documents: ids.length, submissionId: batches.at(-1)?.submissionId ?? null };
}
