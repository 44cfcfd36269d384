import { AppError } from "../../app-error";
import type { DbOrTx } from "../../db";
import { formatItalianDate } from "../../domain/dates";
import { describeStsCode, CERTIFICATE_REJECTED_CODE } from "../../sts/codes";
import { currentStsCertificate } from "./sts-certificate";

/**
 * Sending is paused for the whole installation while STS refuses the certificate in use (code 002): every call would
 * fail the same way for every practitioner. Nothing is lost: the documents stay to send, and sending resumes by
 * itself once another certificate is in use or a call with this one passes again (docs/STS.md).
 */
export async function stsSendingPause(db: DbOrTx): Promise<{ since: Date; message: string } | null> {
  const certificate = await currentStsCertificate(db);
  if (!certificate.rejectedAt) return null;
  return { since: certificate.rejectedAt, message: certificatePauseMessage(certificate.rejectedAt) };
}

function certificatePauseMessage(since: Date): string {
  return `Invii al Sistema TS sospesi dal ${formatItalianDate(since)} per tutta l'installazione (codice ${CERTIFICATE_REJECTED_CODE}). ${describeStsCode(CERTIFICATE_REJECTED_CODE).explanation}`;
}

/** Refuses to start a transmission while sending is paused for the installation. */
export async function assertStsSendingAllowed(db: DbOrTx): Promise<void> {
  const pause = await stsSendingPause(db);
  if (pause) throw new AppError("sts_unavailable", pause.message);
}
