import { cache } from "react";
import type { DbOrTx } from "../db";
import { Prisma, type StsSettings } from "../generated/sqlite/client";
import { queryRows } from "./direct-sql";
import { dateOrNull } from "./narrow";

type StsSettingsRow = Omit<StsSettings, DateColumn | BooleanColumn | "passwordValidityDays"> & {
  [K in DateColumn]: Date | string | null;
} & { autoSend: boolean | number; lastCheckOk: boolean | number | null; passwordValidityDays: number | bigint | null };
type DateColumn = "passwordSetAt" | "pincodeSetAt" | "pausedAt" | "lastCheckAt" | "updatedAt";
type BooleanColumn = "autoSend" | "lastCheckOk";

// Read by the layout's credentials banner on every page of the shell (and again by the invoice list in the same
// render: React's cache reads them once per render; outside a render — server actions, the worker, tests — every
// call reads the database). Hand-written, on the driver: Prisma's query compiler cost more than the read itself.
// The row is the one Prisma's model API returns (tests/integration/direct-sql.test.ts compares the two).
export const findStsSettings = cache(async (db: DbOrTx, practitionerId: string): Promise<StsSettings | null> => {
  const [row] = await queryRows<StsSettingsRow>(
    db,
    Prisma.sql`
    SELECT "practitionerId", "cfTitolare", "username", "passwordEnc", "passwordSetAt", "pincodeEnc", "pincodeSetAt",
      "autoSend", "autoSendFrom", "pausedAt", "pausedReason", "lastCheckAt", "lastCheckOk", "lastCheckMessage",
      "passwordValidityDays", "lastAutoSlot", "updatedAt"
    FROM "StsSettings" WHERE "practitionerId" = ${practitionerId}`,
  );
  if (!row) return null;
  return {
    ...row,
    passwordSetAt: dateOrNull(row.passwordSetAt),
    pincodeSetAt: dateOrNull(row.pincodeSetAt),
    pausedAt: dateOrNull(row.pausedAt),
    lastCheckAt: dateOrNull(row.lastCheckAt),
    updatedAt: new Date(row.updatedAt!),
    autoSend: Boolean(row.autoSend),
    lastCheckOk: row.lastCheckOk === null ? null : Boolean(row.lastCheckOk),
    passwordValidityDays: row.passwordValidityDays === null ? null : Number(row.passwordValidityDays),
  };
});

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
