import type { Db } from "../../db";
import { uploadBatch } from "./upload-batch";
import { takeAutoSlot } from "../../data/sts-settings";
import { createLimiter, inPool } from "./pool";
import { openStsCredentials } from "./sts-connection";
import { stsSendingPause } from "./sts-sending-pause";

// The hourly run (minute 10, Europe/Rome): for every practitioner with automatic sending on, not paused and with
// credentials, the documents to send go out in batches of at most 25 — first insertions only when dated on or
// after the minimum invoice date; variazioni, cancellazioni and rimborsi of documents STS holds always —
// one submission and one receipt each. A practitioner's slot is taken with a conditional update, so when several
// workers fire for the same slot it runs once per practitioner.
export async function runAutomaticSending(options: {
  db: Db;
  slot: Date;
  concurrency: number;
  /** Limit the run to these practitioners (support, tests); all by default. */
  practitionerIds?: string[];
  now?: Date;
  log?: (line: string) => void;
}) {
  const { db } = options;
  const slot = options.slot.toISOString();
  const pause = await stsSendingPause(db);
  if (pause) {
    options.log?.(`automatic sending skipped: ${pause.message}`);
    return { practitioners: 0, submissions: 0, documents: 0, paused: true };
  }
  const practitioners = await db.stsSettings.findMany({
    where: {
      autoSend: true,
      pausedAt: null,
      passwordEnc: { not: null },
      pincodeEnc: { not: null },
      cfTitolare: { not: null },
      autoSendFrom: { not: null },
      ...(options.practitionerIds ? { practitionerId: { in: options.practitionerIds } } : {}),
      OR: [{ lastAutoSlot: null }, { lastAutoSlot: { lt: slot } }],
    },
    select: { practitionerId: true },
  });
  const summary = { practitioners: 0, submissions: 0, documents: 0, paused: false };
  // At most `concurrency` uploads in flight; twice as many practitioners in progress, so that while some batches
  // are read, claimed and saved in the database others keep every upload slot busy.
  const stsCalls = createLimiter(options.concurrency);
  await inPool(practitioners, 2 * options.concurrency, async ({ practitionerId }) => {
    // The slot, and the settings as they are now (credentials, minimum date), in one conditional update.
    const settings = await takeAutoSlot(db, practitionerId, slot);
    if (!settings?.autoSendFrom) return;
    summary.practitioners++;
    for (let batch = 0; batch < 400; batch++) {
      try {
        const credentials = openStsCredentials(settings);
        if (!credentials) break;
        const result = await uploadBatch({
          db,
          practitionerId,
          credentials,
          stsCalls,
          trigger: "automatic",
          automaticFrom: settings.autoSendFrom,
          slotKey: `auto|${practitionerId}|${slot}|${batch}`,
          now: options.now,
        });
        if (!result) break;
        summary.submissions++;
        summary.documents += result.documents;
        // Credentials refused or STS unreachable: stop for this practitioner, the next run (or the fix) resumes.
        if (result.outcome !== "awaiting_outcome") break;
        if (!result.more) break; // the last batch took everything left: no query for an empty one
      } catch (error) {
        options.log?.(
          `automatic sending for ${practitionerId} stopped: ${error instanceof Error ? error.message : String(error)}`,
        );
        break;
      }
    }
  });
  return summary;
}
