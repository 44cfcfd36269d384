import { AppError } from "../../app-error";
import type { Db } from "../../db";
import { saveExchanges } from "../../data/sts-exchanges";
import type { StsCodeRef } from "../../domain/sts/record";
import { StsValidationError } from "../../sts/errors";
import { applyStsEvent, messageCodeRefs } from "./apply-sts-event";
import { claimDocuments } from "./claim-documents";
import { pauseAutomaticSending } from "../sts-settings/pause-automatic-sending";
import { mayHaveReachedSts } from "./failure-policy";
import { createClientFor, loadStsCredentials } from "./sts-connection";
import { assertStsSendingAllowed } from "./sts-sending-pause";
import { stsDocumentOf } from "./sts-view";

// "Invia ora": one document through the synchronous service, for an immediate outcome.
export async function sendDocumentNow(options: {
  db: Db;
  practitionerId: string;
  invoiceId: string;
  trigger?: "manual" | "automatic";
  now?: Date;
}) {
  const { db, practitionerId, invoiceId } = options;
  const credentials = await loadStsCredentials(db, practitionerId);
  if (!credentials) throw new AppError("sts_credentials", "Configura le credenziali del Sistema TS prima di inviare.");
  await assertStsSendingAllowed(db);
  const claim = await claimDocuments({
    db,
    practitionerId,
    trigger: options.trigger ?? "manual",
    channel: "sync",
    invoiceIds: [invoiceId],
    limit: 1,
    credentialsConfigured: true,
    now: options.now,
  });
  if (!claim)
    throw new AppError(
      "conflict",
      "Il documento non è da inviare in questo momento (già inviato, in invio o non idoneo).",
    );
  const { submission, documents } = claim;
  const { invoice, pending } = documents[0]!;
  const base = { practitionerId, invoiceId, submissionId: submission.id, now: options.now };

  let document;
  try {
    document = stsDocumentOf(invoice, pending);
  } catch (error) {
    const message =
      error instanceof StsValidationError ? error.message : "Dati del documento non validi per il Sistema TS.";
    return finish(
      db,
      submission.id,
      "failed",
      { ...base },
      { type: "failed", failure: "permanent", codes: [{ code: "LOCAL", severity: "error", message }] },
      message,
    );
  }
  const result = await createClientFor(credentials, { db })
    .sendDocument(document)
    .catch((error: unknown) => {
      if (error instanceof StsValidationError)
        return { kind: "invalid" as const, message: error.message, exchanges: [] };
      throw error;
    });
  await saveExchanges(db, practitionerId, submission.id, result.exchanges);

  switch (result.kind) {
    case "accepted":
    case "accepted_with_warnings": {
      const warnings = messageCodeRefs(result.messages).filter((c) => c.severity === "warning");
      await db.stsSubmission.update({ where: { id: submission.id }, data: { protocollo: result.protocollo } });
      return finish(
        db,
        submission.id,
        result.kind,
        { ...base, outcome: result.kind, codes: warnings },
        { type: "accepted", warnings },
      );
    }
    case "rejected": {
      const codes = messageCodeRefs(result.messages).filter((c) => c.code !== "0");
      return finish(
        db,
        submission.id,
        "rejected",
        { ...base, outcome: "rejected", codes },
        { type: "rejected", codes },
      );
    }
    case "invalid":
      return finish(
        db,
        submission.id,
        "failed",
        { ...base, outcome: "failed" },
        {
          type: "failed",
          failure: "permanent",
          codes: [{ code: "LOCAL", severity: "error", message: result.message }],
        },
        result.message,
      );
    default: {
      if (result.kind === "credentials")
        await pauseAutomaticSending({ db, practitionerId, reason: result.message, code: result.code, now: new Date() });
      const codes: StsCodeRef[] = [{ code: result.code ?? "ERR", severity: "error", message: result.message }];
      if (mayHaveReachedSts(result)) {
        await db.stsSubmission.update({
          where: { id: submission.id },
          data: { status: "uncertain", errorCode: result.code, errorMessage: result.message },
        });
        await applyStsEvent(db, { ...base, event: { type: "outcome_unknown" }, outcome: "pending", codes });
        return { submissionId: submission.id, outcome: "uncertain" as const, message: result.message };
      }
      return finish(
        db,
        submission.id,
        "failed",
        { ...base, outcome: "failed", codes },
        { type: "failed", failure: result.kind, codes },
        result.message,
        result.code,
      );
    }
  }
}

async function finish(
  db: Db,
  submissionId: string,
  outcome: "accepted" | "accepted_with_warnings" | "rejected" | "failed",
  apply: Omit<Parameters<typeof applyStsEvent>[1], "event">,
  event: Parameters<typeof applyStsEvent>[1]["event"],
  message?: string,
  code?: string | null,
) {
  await applyStsEvent(db, { ...apply, event, outcome: apply.outcome ?? (outcome === "failed" ? "failed" : outcome) });
  await db.stsSubmission.update({
    where: { id: submissionId },
    data: {
      status: outcome === "failed" ? "failed" : "completed",
      outcome,
      completedAt: new Date(),
      nInviati: 1,
      nAccolti: outcome === "accepted" || outcome === "accepted_with_warnings" ? 1 : 0,
      nWarnings: outcome === "accepted_with_warnings" ? 1 : 0,
      nErrori: outcome === "rejected" ? 1 : 0,
      errorCode: code ?? undefined,
      errorMessage: message,
    },
  });
  return { submissionId, outcome, message: message ?? null };
}
