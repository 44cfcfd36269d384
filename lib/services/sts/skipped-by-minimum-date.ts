import type { DbOrTx } from "../../db";
import { findStsSettings } from "../../data/sts-settings";

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
  const count = await options.db.invoice.count({
    where: {
      practitionerId: options.practitionerId,
      stsState: { in: ["to_send", "failed"] },
      issueDate: { lt: settings.autoSendFrom },
      stsEverHeld: false,
      kind: "invoice",
      replacesInvoiceId: null,
    },
  });
  return { from: settings.autoSendFrom, count };
}
