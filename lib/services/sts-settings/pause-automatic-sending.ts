import type { DbOrTx } from "../../db";
import { upsertStsSettings } from "../../data/sts-settings";

/**
 * Stops automatic sending after STS refused the credentials (PRODUCT §2.1): retrying every hour with a wrong password
 * only piles up failures. Only a successful "Verifica credenziali" clears the pause (see check-sts-credentials.ts).
 * `reason` is the Italian message shown to the practitioner; it must never contain a secret.
 */
export async function pauseAutomaticSending(options: { db: DbOrTx; practitionerId: string; reason: string; now: Date }): Promise<void> {
  await upsertStsSettings(options.db, options.practitionerId, { pausedAt: options.now, pausedReason: options.reason });
}
