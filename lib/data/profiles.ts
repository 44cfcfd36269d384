import type { DbOrTx } from "../db";
import { Prisma, type Profile } from "../generated/sqlite/client";
import type { ProfileData } from "../schemas/profile";
import { queryRows } from "./direct-sql";

/**
 * The practitioner's professional profile (the issuer of every document), the row Prisma's model API returns
 * (tests/integration/direct-sql.test.ts compares the two). Hand-written on the driver (lib/data/direct-sql.ts): the
 * home page's checklist reads it on every visit, and every issued document reads it, and Prisma's query compiler
 * cost more than the read.
 */
export async function findProfile(db: DbOrTx, practitionerId: string): Promise<Profile | null> {
  const [row] = await queryRows<Omit<Profile, "updatedAt"> & { updatedAt: Date | string }>(
    db,
    Prisma.sql`
    SELECT "practitionerId", "displayName", "profession", "alboRegistration", "codiceFiscale", "partitaIva", "address",
      "postalCode", "city", "province", "phone", "email", "taxRegime", "pensionFundLabel", "pensionFundRateBp",
      "bolloPolicy", "defaultExpenseType", "iban", "invoiceFooter", "updatedAt"
    FROM "Profile" WHERE "practitionerId" = ${practitionerId}`,
  );
  return row ? { ...row, updatedAt: new Date(row.updatedAt) } : null;
}

export function upsertProfile(db: DbOrTx, practitionerId: string, data: ProfileData) {
  return db.profile.upsert({ where: { practitionerId }, create: { ...data, practitionerId }, update: data });
}
