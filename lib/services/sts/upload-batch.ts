import { AppError } from "../../app-error";
import type { Db } from "../../db";
import type { UploadResult } from "../../data/sts-batch-saves";
import { updateSubmission, type SubmissionChange } from "../../data/sts-worker-sql";
import type { StsCodeRef, StsEvent } from "../../domain/sts/record";
import { StsValidationError } from "../../sts/errors";
import { buildStsFile } from "../../sts/file/build-file";
import type { StsDocument } from "../../sts/types";
import { applyStsEvent, applyStsEvents } from "./apply-sts-event";
import { claimDocuments, type ClaimedDocument } from "./claim-documents";
import { pauseAutomaticSending } from "../sts-settings/pause-automatic-sending";
import { mayHaveReachedSts } from "./failure-policy";
import { createClientFor, loadStsCredentials, type StsCredentialsPlain } from "./sts-connection";
import { currentStsCertificate } from "./sts-certificate";
import { assertStsSendingAllowed } from "./sts-sending-pause";
import type { Limiter } from "./pool";
import { stsDocumentOf } from "./sts-view";

export const FIRST_POLL_DELAY_MS = 5_000;

// One asynchronous submission: claims up to 25 documents, builds the data file (one receipt for the whole batch),
// uploads it with MTOM and stores the protocollo; the outcome is polled later (poll-submissions.ts).
export async function uploadBatch(options: {
  db: Db;
  practitionerId: string;
  trigger: "manual" | "automatic";
  invoiceIds?: string[];
  /** The automatic minimum date, for the hourly run (first insertions only). */
  automaticFrom?: string;
  slotKey?: string;
  /** The credentials, when the caller has just read them. */
  credentials?: StsCredentialsPlain;
  /** The bound on calls in flight toward STS shared with the caller's other batches. */
  stsCalls?: Limiter;
  now?: Date;
}) {
  const { db, practitionerId } = options;
  const now = options.now ?? new Date();
  const credentials = options.credentials ?? (await loadStsCredentials(db, practitionerId));
  if (!credentials) throw new AppError("sts_credentials", "Configura le credenziali del Sistema TS prima di inviare.");
  await assertStsSendingAllowed(db);
  const claim = await claimDocuments({ ...options, channel: "async", credentialsConfigured: true, now });
  if (!claim) return null;
  const { submission, more } = claim;
  const apply = (doc: ClaimedDocument, event: StsEvent, outcome?: "pending" | "failed", codes?: StsCodeRef[]) =>
    applyStsEvent(db, {
      practitionerId,
      invoiceId: doc.invoice.id,
      submissionId: submission.id,
      event,
      outcome,
      codes,
      now,
    });
  // The batch's documents as this process saved them when claiming: applying the upload's result needs no read.
  const known = claim.documents.map((doc) => doc.invoice);

  // Documents STS could not take (caught before any call) fail on their own; the rest of the batch goes on.
  let batch = claim.documents.map((doc) => ({ doc, record: safeDocument(doc) }));
  for (const { doc, record } of batch)
    if (typeof record === "string") await apply(doc, localFailure(record), "failed", [localCode(record)]);
  batch = batch.filter((b) => typeof b.record !== "string");
  const fileName = `parcella_${submission.id}.zip`;
  let file: ReturnType<typeof buildStsFile> | null = null;
  const certificate = await currentStsCertificate(db);
  while (batch.length > 0 && !file) {
    try {
      file = buildStsFile({
        fileName,
        owner: { cfProprietario: credentials.cfProprietario },
        documents: batch.map((b) => b.record as StsDocument),
        certificatePem: certificate.pem,
      });
    } catch (error) {
      if (!(error instanceof StsValidationError)) throw error;
      const bad = new Set(
        error.issues.map((issue) => issue.documentIndex).filter((i): i is number => typeof i === "number"),
      );
      if (bad.size === 0) bad.add(0);
      for (const index of bad) {
        const message =
          error.issues
            .filter((i) => i.documentIndex === index)
            .map((i) => i.message)
            .join("; ") || error.message;
        await apply(batch[index]!.doc, localFailure(message), "failed", [localCode(message)]);
      }
      batch = batch.filter((_, i) => !bad.has(i));
    }
  }
  if (!file) return { ...(await finishEmpty(db, submission.id)), more };

  const result = await createClientFor(credentials, { db, limit: options.stsCalls }).uploadFile({
    fileName,
    zip: file.zip,
  });
  // The exchanges, the submission's result and its documents' records are saved as one unit.
  const uploadResult = (change: SubmissionChange): UploadResult => ({
    submissionId: submission.id,
    change,
    exchanges: result.exchanges,
  });
  if (result.kind === "accepted") {
    // The lines were written "pending" when claimed: only the records change.
    await applyStsEvents(db, {
      practitionerId,
      submissionId: submission.id,
      now,
      known,
      credentialsConfigured: true,
      items: batch.map(({ doc }) => ({
        invoiceId: doc.invoice.id,
        event: { type: "upload_accepted", protocollo: result.protocollo },
      })),
      uploadResult: uploadResult({
        status: "awaiting_outcome",
        protocollo: result.protocollo,
        acceptedAt: result.dataAccoglienza,
        fileName,
        documentCount: batch.length,
        nextPollAt: new Date(now.getTime() + FIRST_POLL_DELAY_MS),
      }),
    });
    return {
      submissionId: submission.id,
      outcome: "awaiting_outcome" as const,
      protocollo: result.protocollo,
      documents: batch.length,
      more,
    };
  }
  if (result.kind === "credentials")
    await pauseAutomaticSending({ db, practitionerId, reason: result.message, code: result.code, now });
  const codes: StsCodeRef[] = [{ code: result.code ?? "ERR", severity: "error", message: result.message }];
  const uncertain = mayHaveReachedSts(result);
  const event: StsEvent = uncertain ? { type: "outcome_unknown" } : { type: "failed", failure: result.kind, codes };
  await applyStsEvents(db, {
    practitionerId,
    submissionId: submission.id,
    now,
    known,
    items: batch.map(({ doc }) => ({
      invoiceId: doc.invoice.id,
      event,
      outcome: uncertain ? "pending" : "failed",
      codes,
    })),
    uploadResult: uploadResult({
      status: uncertain ? "uncertain" : "failed",
      outcome: uncertain ? null : "failed",
      fileName,
      errorCode: result.code ?? null,
      errorMessage: result.message,
      completedAt: uncertain ? null : now,
    }),
  });
  return {
    submissionId: submission.id,
    outcome: uncertain ? ("uncertain" as const) : ("failed" as const),
    message: result.message,
    documents: batch.length,
    more,
  };
}

function safeDocument(doc: ClaimedDocument): StsDocument | string {
  try {
    return stsDocumentOf(doc.invoice, doc.pending);
  } catch (error) {
    return error instanceof Error ? error.message : "Dati del documento non validi per il Sistema TS.";
  }
}

const localCode = (message: string): StsCodeRef => ({ code: "LOCAL", severity: "error", message });
const localFailure = (message: string): StsEvent => ({
  type: "failed",
  failure: "permanent",
  codes: [localCode(message)],
});

async function finishEmpty(db: Db, submissionId: string) {
  await updateSubmission(db, submissionId, {
    status: "failed",
    outcome: "failed",
    completedAt: new Date(),
    errorMessage: "Nessun documento inviabile nel lotto.",
  });
  return { submissionId, outcome: "failed" as const, message: "Nessun documento inviabile nel lotto.", documents: 0 };
}
