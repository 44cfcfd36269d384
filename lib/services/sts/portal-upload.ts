import { AppError } from "../../app-error";
import type { Db } from "../../db";
import { findStsInvoices } from "../../data/sts-documents";
import { findStsSettings } from "../../data/sts-settings";
import { isoDate } from "../../domain/dates";
import { isSendable } from "../../domain/sts/status";
import { buildStsFile } from "../../sts/file/build-file";
import { StsValidationError } from "../../sts/errors";
import { applyStsEvent } from "./apply-sts-event";
import { claimDocuments, MAX_BATCH } from "./claim-documents";
import { FIRST_POLL_DELAY_MS } from "./upload-batch";
import { statusOf } from "./refresh-sts-state";
import { currentStsCertificate } from "./sts-certificate";
import { stsDocumentOf } from "./sts-view";

// Manual upload fallback (docs/STS-TRANSMISSION.md, "Sending"): the data file of the selected documents, to upload by
// hand on the STS portal. Building it changes nothing: documents are marked sent only when the user enters the portal's
// protocollo.
export async function buildPortalFile(options: { db: Db; practitionerId: string; invoiceIds: string[]; now?: Date }) {
  const { db, practitionerId } = options;
  const settings = await findStsSettings(db, practitionerId);
  if (!settings?.cfTitolare)
    throw new AppError("sts_credentials", "Indica il codice fiscale del titolare nelle impostazioni STS.");
  const today = isoDate(options.now ?? new Date());
  const invoices = await findStsInvoices(db, practitionerId, { ids: options.invoiceIds.slice(0, MAX_BATCH) });
  // The portal flow needs no stored password or PIN, only the data: eligibility is judged as if they were set.
  const documents = invoices.flatMap((invoice) => {
    const status = statusOf(invoice, true, today);
    const pending = status.pending[0];
    return isSendable(status) && pending ? [stsDocumentOf(invoice, pending)] : [];
  });
  if (documents.length === 0) throw new AppError("conflict", "Nessuno dei documenti selezionati è da inviare.");
  const fileName = `parcella_portale_${today.replaceAll("-", "")}_${documents.length}.zip`;
  try {
    return buildStsFile({
      fileName,
      owner: { cfProprietario: settings.cfTitolare },
      documents,
      certificatePem: (await currentStsCertificate(db)).pem,
    });
  } catch (error) {
    if (error instanceof StsValidationError) throw new AppError("validation", error.message);
    throw error;
  }
}

export async function registerPortalUpload(options: {
  db: Db;
  practitionerId: string;
  invoiceIds: string[];
  protocollo: string;
  now?: Date;
}) {
  const { db, practitionerId, protocollo } = options;
  if (!/^\d{17}$/.test(protocollo)) {
    throw new AppError("validation", "Controlla il protocollo.", {
      protocollo: ["Il protocollo del Sistema TS è di 17 cifre."],
    });
  }
  const now = options.now ?? new Date();
  const claim = await claimDocuments({
    db,
    practitionerId,
    trigger: "manual",
    channel: "async",
    invoiceIds: options.invoiceIds,
    withoutCredentials: true,
    // Exactly the documents of the file the user uploaded: not the partner of an "Annulla e riemetti".
    partners: false,
    now,
  });
  if (!claim) throw new AppError("conflict", "Nessuno dei documenti selezionati è da inviare.");
  await db.stsSubmission.update({
    where: { id: claim.submission.id },
    data: {
      channel: "portal",
      status: "awaiting_outcome",
      protocollo,
      nextPollAt: new Date(now.getTime() + FIRST_POLL_DELAY_MS),
    },
  });
  for (const doc of claim.documents) {
    await applyStsEvent(db, {
      practitionerId,
      invoiceId: doc.invoice.id,
      submissionId: claim.submission.id,
      event: { type: "portal_upload_confirmed", protocollo },
      outcome: "pending",
      now,
    });
  }
  return { submissionId: claim.submission.id, documents: claim.documents.length };
}
