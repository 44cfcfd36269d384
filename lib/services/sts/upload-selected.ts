import type { Db } from "../../db";
import { countStsStatesOf } from "../../data/invoices";
import { MAX_BATCH } from "./claim-documents";
import { uploadBatch } from "./upload-batch";

export type UploadedBatch = NonNullable<Awaited<ReturnType<typeof uploadBatch>>>;

/**
 * The documents the practitioner chose ("Invia selezionate", the resend of a submission), sent asynchronously in
 * batches: each call of uploadBatch claims at most MAX_BATCH of them into one submission with one receipt, and says
 * whether more are left. The bound on the number of calls only guards against a claim that would never run dry.
 */
export async function uploadSelected(options: {
  db: Db;
  practitionerId: string;
  invoiceIds: string[];
  now?: Date;
}): Promise<UploadedBatch[]> {
  const batches: UploadedBatch[] = [];
  const most = Math.ceil(options.invoiceIds.length / MAX_BATCH) + 1;
  while (batches.length < most) {
    const batch = await uploadBatch({ ...options, trigger: "manual" });
    if (!batch) break;
    batches.push(batch);
    if (!batch.more) break;
  }
  return batches;
}

const NEVER_SENT = new Set([
  "rejected",
  "accepted",
  "accepted_with_warnings",
  "sending",
  "awaiting_outcome",
  "not_eligible",
  "not_applicable",
]);

/**
 * "Invia selezionate": the batches sent, and for the selected documents that did not go, how many were in each STS
 * state before the send — so the practitioner learns why (scartate in attesa di correzione, già accettate, già in
 * invio, non inviabili) instead of a bare "nessuna da inviare".
 */
export async function sendSelected(options: { db: Db; practitionerId: string; invoiceIds: string[]; now?: Date }) {
  const before = await countStsStatesOf(options.db, options.practitionerId, options.invoiceIds);
  const batches = await uploadSelected(options);
  const documents = batches.reduce((n, b) => n + b.documents, 0);
  // to_send and failed documents may have gone (a failure is retried when transient); the others never go.
  const skipped = Object.fromEntries(Object.entries(before).filter(([state]) => NEVER_SENT.has(state)));
  return {
    submissions: batches.length,
    documents,
    problems: batches.filter((b) => b.outcome !== "awaiting_outcome").map((b) => b.message ?? ""),
    skipped,
  };
}
