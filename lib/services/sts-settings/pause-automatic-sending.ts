import type { DbOrTx } from "../../db";

/**
 * Stops automatic sending after STS refused the credentials (docs/STS-TRANSMISSION.md, "Failures"): retrying every hour
 * with a wrong password only piles up failures. Only a successful "Verifica credenziali" clears the pause (see
 * check-sts-credentials.ts).
 * `reason` is the Italian message shown to the practitioner; it must never contain a secret. The first pause's time
 * and reason are kept when later calls fail the same way.
 */
export async function pauseAutomaticSending(options: {
  db: DbOrTx;
  practitionerId: string;
  reason: string;
  now: Date;
}): Promise<void> {
  await options.db.stsSettings.updateMany({
    where: { practitionerId: options.practitionerId, pausedAt: null },
    data: { pausedAt: options.now, pausedReason: options.reason, lastCheckOk: false },
  });
}
