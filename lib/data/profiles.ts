import type { DbOrTx } from "../db";
import type { ProfileData } from "../schemas/profile";

export function findProfile(db: DbOrTx, practitionerId: string) {
  return db.profile.findUnique({ where: { practitionerId } });
}

export function upsertProfile(db: DbOrTx, practitionerId: string, data: ProfileData) {
  return db.profile.upsert({ where: { practitionerId }, create: { ...data, practitionerId }, update: data });
}
