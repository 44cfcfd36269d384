import { cache } from "react";
import type { DbOrTx } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { queryRows } from "./direct-sql";

// Read by the layout's credentials banner and by the invoice list in the same page render: React's cache reads them
// once per render. Outside a render (server actions, the worker, tests) every call reads the database.
export const findStsSettings = cache(async (db: DbOrTx, practitionerId: string) =>
  db.stsSettings.findUnique({ where: { practitionerId } }),
);

export function upsertStsSettings(
  db: DbOrTx,
  practitionerId: string,
  data: Omit<Prisma.StsSettingsUncheckedCreateInput, "practitionerId">,
) {
  return db.stsSettings.upsert({ where: { practitionerId }, create: { ...data, practitionerId }, update: data });
}

/** What a transmission needs of the settings (hand-written SQL: read on every batch and poll of the worker). */
export type StsSecrets = {
  cfTitolare: string | null;
  username: string | null;
  passwordEnc: string | null;
  pincodeEnc: string | null;
};

export async function findStsSecrets(db: DbOrTx, practitionerId: string): Promise<StsSecrets | null> {
  const rows = await queryRows<StsSecrets>(
    db,
    Prisma.sql`
    SELECT "cfTitolare", "username", "passwordEnc", "pincodeEnc" FROM "StsSettings" WHERE "practitionerId" = ${practitionerId}`,
  );
  return rows[0] ?? null;
}

/**
 * Takes a practitioner's hourly slot for automatic sending: one conditional update that succeeds for one worker
 * only, and only while automatic sending is on and not paused. Returns the settings as they are at that moment
 * (for the credentials and the minimum date), or null when the slot was taken or sending is off.
 */
export async function takeAutoSlot(
  db: DbOrTx,
  practitionerId: string,
  slot: string,
): Promise<(StsSecrets & { autoSendFrom: string | null }) | null> {
  const rows = await queryRows<StsSecrets & { autoSendFrom: string | null }>(
    db,
    Prisma.sql`
    UPDATE "StsSettings" SET "lastAutoSlot" = ${slot}, "updatedAt" = ${new Date()}
    WHERE "practitionerId" = ${practitionerId} AND "autoSend" = TRUE AND "pausedAt" IS NULL
      AND ("lastAutoSlot" IS NULL OR "lastAutoSlot" < ${slot})
    RETURNING "cfTitolare", "username", "passwordEnc", "pincodeEnc", "autoSendFrom"`,
  );
  return rows[0] ?? null;
}
