import type { DbOrTx } from "../db";
import type { Prisma } from "../generated/sqlite/client";

export function findStsSettings(db: DbOrTx, practitionerId: string) {
  return db.stsSettings.findUnique({ where: { practitionerId } });
}

export function upsertStsSettings(db: DbOrTx, practitionerId: string, data: Omit<Prisma.StsSettingsUncheckedCreateInput, "practitionerId">) {
  return db.stsSettings.upsert({ where: { practitionerId }, create: { ...data, practitionerId }, update: data });
}
