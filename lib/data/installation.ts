import type { DbOrTx } from "../db";

export type MigrationRecord = { migration_name: string; finished_at: unknown; rolled_back_at: unknown };

/** Prisma's own record of the migrations applied to this database (both providers name it the same). */
export async function findMigrationRecords(db: DbOrTx): Promise<MigrationRecord[]> {
  return db.$queryRawUnsafe<MigrationRecord[]>(
    'SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"',
  );
}

/** The first account ever registered: the installation's administrator unless ADMIN_EMAIL names another. */
export async function findFirstPractitionerId(db: DbOrTx): Promise<string | null> {
  const first = await db.practitioner.findFirst({
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return first?.id ?? null;
}
