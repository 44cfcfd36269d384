import type { Db } from "../../db";
import { bumpSessionVersion } from "../../data/practitioners";

// Ends every session of the practitioner: JWTs issued before this carry an older version and are refused.
export async function endSessions(options: { db: Db; practitionerId: string }) {
  await bumpSessionVersion(options.db, options.practitionerId);
}
