import type { DbOrTx } from "../../db";
import { findStsSettings } from "../../data/sts-settings";
import { countFirstInsertionsBefore } from "../../data/sts-skipped";

/**
 * The documents waiting for a first insertion that the hourly automatic run leaves alone because they are dated
 * before the minimum date: the exact complement of the automatic filter (lib/data/sts-documents.ts), so the list can
 * say they must be sent by hand. Null when automatic sending is off or has no minimum date.
 */
export async function countSkippedByMinimumDate(options: {
  db: DbOrTx;
  practitionerId: string;
}): Promise<{ from: string; count: number } | null> {
  const settings = await findStsSettings(options.db, options.practitionerId);
  if (!settings?.autoSend || !settings.autoSendFrom) return null;
  const count = await countFirstInsertionsBefore(options.db, options.practitionerId, settings.autoSendFrom);
  return { from: settings.autoSendFrom, count };
}
