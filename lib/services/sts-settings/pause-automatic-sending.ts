import type { DbOrTx } from "../../db";
import { CERTIFICATE_REJECTED_CODE } from "../../sts/codes";

/**
 * Stops automatic sending after STS refused the credentials (docs/STS-TRANSMISSION.md, "Failures"): retrying every hour
 * with a wrong password only piles up failures. Only a successful "Verifica credenziali" clears the pause (see
 * check-sts-credentials.ts).
 * `reason` is the Italian message shown to the practitioner; it must never contain a secret. The first pause's time
 * and reason are kept when later calls fail the same way. A 002 is not this practitioner's to fix: it pauses the whole
 * installation instead (sts-sending-pause.ts), and lifts by itself, so it leaves the practitioner's settings alone.
 */
export async function pauseAutomaticSending(options: {
  db: DbOrTx;
  practitionerId: string;
  reason: string;
  /** The failure's code, when there is one. */
  code?: string | null;
  now: Date;
}): Promise<void> {
  if (options.code === CERTIFICATE_REJECTED_CODE) return;
  await options.db.stsSettings.updateMany({
    where: { practitionerId: options.practitionerId, pausedAt: null },
    data: { pausedAt: options.now, pausedReason: options.reason, lastCheckOk: false },
  });
}
