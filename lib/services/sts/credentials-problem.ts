import type { Db } from "../../db";
import { findStsSettings } from "../../data/sts-settings";

// An authentication failure pauses automatic sending for the practitioner until a credentials check passes
// (PRODUCT §2.1); nothing else is lost: the documents stay "to send".
export async function pauseForCredentials(db: Db, practitionerId: string, reason: string, now = new Date()) {
  const settings = await findStsSettings(db, practitionerId);
  if (!settings || settings.pausedAt) return;
  await db.stsSettings.update({ where: { practitionerId }, data: { pausedAt: now, pausedReason: reason, lastCheckOk: false } });
}
