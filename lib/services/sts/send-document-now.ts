import { AppError } from "../../app-error";
import type { Db } from "../../db";
import { saveExchanges } from "../../data/sts-exchanges";
import type { StsCodeRef } from "../../domain/sts/record";
import { StsValidationError } from "../../sts/errors";
import { applyStsEvent, messageCodeRefs } from "./apply-sts-event";
import { claimDocuments } from "./claim-documents";
import { pauseAutomaticSending } from "../sts-settings/pause-automatic-sending";
import { mayHaveReachedSts } from "./failure-policy";
import { createClientFor, loadStsCredentials, type StsCredentialsPlain } from "./sts-connection";
import { assertStsSendingAllowed } from "./sts-sending-pause";
import { findStsInvoices } from "../../data/sts-documents";
import { stsDocumentOf } from "./sts-view";

export type SendNowOutcome = "accepted" | "accepted_with_warnings" | "rejected" | "failed" | "uncertain";
type Sent = { invoiceId: string; submissionId: string; outcome: SendNowOutcome; message: string | null };

// Worst first: the outcome "Invia ora" reports when it sent more than one operation.
const SEVERITY: SendNowOutcome[] = ["uncertain", "failed", "rejected", "accepted_with_warnings", "accepted"];

// "Invia ora": the document through the synchronous service, for an immediate outcome, with everything it needs
// now: a second operation when the first one's acceptance makes it due (a document re-dated before dates were
// locked: the cancellation of its old identity, then the insert of the new one), and the other invoice of an
// "Annulla e riemetti" — the new invoice first, then the cancellation of the voided one, so that a stop between
// the two leaves STS holding the expense twice for a while rather than not at all. Each operation is its own
// submission; a failure of one leaves the other's outcome as it is, and the failed one to send again.
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
  const [invoice] = await findStsInvoices(db, practitionerId, { ids: [invoiceId] });
  const order = [invoiceId];
  if (invoice?.replacedById) order.unshift(invoice.replacedById);
  else if (invoice?.replacesInvoiceId) order.push(invoice.replacesInvoiceId);
  const sent: Sent[] = [];
  for (const id of order) {
    for (let operation = 0; operation < 2; operation++) {
      const result = await sendOneOperation({ ...options, invoiceId: id, credentials });
      if (!result) break;
      sent.push({ invoiceId: id, ...result });
      if (result.outcome !== "accepted" && result.outcome !== "accepted_with_warnings") break;
    }
  }
  if (sent.length === 0)
    throw new AppError(
      "conflict",
      "Il documento non è da inviare in questo momento (già inviato, in invio o non idoneo).",
    );
  const worst = SEVERITY.find((outcome) => sent.some((s) => s.outcome === outcome))!;
  return {
    submissionId: sent[0]!.submissionId,
    outcome: worst,
    message: sent.find((s) => s.outcome === worst)?.message ?? null,
    documents: sent,
  };
}

async function sendOneOperation(options: {
  db: Db;
  practitionerId: string;
  invoiceId: string;
  credentials: StsCredentialsPlain;
  trigger?: "manual" | "automatic";
  now?: Date;
}) {
  const { db, practitionerId, invoiceId, credentials } = options;
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
  if (!claim) return null;
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
        // The document first: once the submission says "uncertain" the sweep may resolve it at once, and finds
        // the document ready for that (a stop in between leaves the submission "uploading": the sweep's stuck case).
        await applyStsEvent(db, { ...base, event: { type: "outcome_unknown" }, outcome: "pending", codes });
        await db.stsSubmission.update({
          where: { id: submission.id },
          data: { status: "uncertain", errorCode: result.code, errorMessage: result.message },
        });
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
