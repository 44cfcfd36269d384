import type { DbOrTx } from "../../db";
import { findProfile } from "../../data/profiles";

/** The practitioner's profile, or null before it was first saved. */
export function getProfile(options: { db: DbOrTx; practitionerId: string }) {
  return findProfile(options.db, options.practitionerId);
}
