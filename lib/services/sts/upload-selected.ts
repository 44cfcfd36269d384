import type { Db } from "../../db";
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
