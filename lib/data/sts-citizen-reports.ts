import type { DbOrTx } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { queryRows } from "./direct-sql";
import { dateOrNull } from "./narrow";

// Citizens' reports (segnalazioni) and where their reading got to. Every query carries the practitioner's id.

export type NewCitizenReport = {
  practitionerId: string;
  invoiceId: string | null;
  identity: string;
  fingerprint: string;
  reportedOn: string | null;
  text: string | null;
  detail: string;
  extra: string;
};

export function findCitizenReportFetch(db: DbOrTx, practitionerId: string) {
  return db.stsCitizenReportFetch.findUnique({ where: { practitionerId } });
}

/**
 * The daily job's claim on a practitioner for `slot`: checkedAt moves to the slot only when it was older (or the
 * row is created), so two workers on the same schedule never read the same practitioner's reports twice.
 */
export async function claimCitizenReportFetch(db: DbOrTx, practitionerId: string, slot: Date, firstFrom: string) {
  const moved = await db.stsCitizenReportFetch.updateMany({
    where: { practitionerId, checkedAt: { lt: slot } },
    data: { checkedAt: slot },
  });
  if (moved.count === 1) return true;
  try {
    await db.stsCitizenReportFetch.create({ data: { practitionerId, fetchedThrough: firstFrom, checkedAt: slot } });
    return true;
  } catch {
    return false; // claimed by another worker, or read at this slot already
  }
}

export function saveCitizenReportFetch(
  db: DbOrTx,
  practitionerId: string,
  state: { fetchedThrough?: string; checkedAt: Date; lastError: string | null },
) {
  const { fetchedThrough, ...rest } = state;
  return db.stsCitizenReportFetch.upsert({
    where: { practitionerId },
    create: { practitionerId, fetchedThrough: fetchedThrough ?? "", ...rest },
    update: { ...(fetchedThrough ? { fetchedThrough } : {}), ...rest },
  });
}

export async function storedFingerprints(db: DbOrTx, practitionerId: string, fingerprints: string[]) {
  if (fingerprints.length === 0) return new Set<string>();
  const rows = await db.stsCitizenReport.findMany({
    where: { practitionerId, fingerprint: { in: fingerprints } },
    select: { fingerprint: true },
  });
  return new Set(rows.map((r) => r.fingerprint));
}

/** Stores a report unless the same one is stored already (a reading running beside another): true when stored. */
export async function insertCitizenReport(db: DbOrTx, report: NewCitizenReport): Promise<boolean> {
  try {
    await db.stsCitizenReport.create({ data: report });
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === "P2002") return false;
    throw error;
  }
}

/** The practitioner's invoices STS holds under these identities (identity → invoice id). */
export async function invoicesByIdentity(db: DbOrTx, practitionerId: string, identities: string[]) {
  const lines = await db.stsSubmissionDocument.findMany({
    where: { practitionerId, identity: { in: identities }, outcome: { in: ["accepted", "accepted_with_warnings"] } },
    select: { identity: true, invoiceId: true },
  });
  return new Map(lines.map((l) => [l.identity, l.invoiceId]));
}

/** The practitioner's invoices and credit notes issued on these days, with their STS record (JSON). */
export function invoicesIssuedOn(db: DbOrTx, practitionerId: string, days: string[]) {
  return db.invoice.findMany({
    where: { practitionerId, issueDate: { in: days }, status: { not: "draft" } },
    select: { id: true, stsRecord: true },
  });
}

/** The reports not marked handled yet: the home page's and the send log's banner, on every visit (on the driver). */
export async function countOpenCitizenReports(db: DbOrTx, practitionerId: string): Promise<number> {
  const [row] = await queryRows<{ count: number | bigint | string }>(
    db,
    Prisma.sql`
      SELECT CAST(COUNT(*) AS INTEGER) AS "count" FROM "StsCitizenReport"
      WHERE "practitionerId" = ${practitionerId} AND "handledAt" IS NULL`,
  );
  return Number(row?.count ?? 0);
}

/** The columns a listed report shows (the list of reports, the invoice page), with its invoice. */
export const listedCitizenReportColumns = {
  id: true,
  invoiceId: true,
  identity: true,
  reportedOn: true,
  text: true,
  detail: true,
  extra: true,
  fetchedAt: true,
  handledAt: true,
  invoice: {
    select: { id: true, kind: true, status: true, number: true, year: true, issueDate: true, totalCents: true },
  },
} as const;

export function findCitizenReports(db: DbOrTx, practitionerId: string, options: { handled: boolean; take: number }) {
  return db.stsCitizenReport.findMany({
    where: { practitionerId, handledAt: options.handled ? { not: null } : null },
    orderBy: [{ reportedOn: "desc" }, { fetchedAt: "desc" }],
    take: options.take,
    select: listedCitizenReportColumns,
  });
}

type ListedReportRow = Omit<StoredCitizenReport, "invoice" | "fetchedAt" | "handledAt"> & {
  fetchedAt: Date | string;
  handledAt: Date | string | null;
  iId: string | null;
  iKind: string | null;
  iStatus: string | null;
  iNumber: number | null;
  iYear: number | null;
  iIssueDate: string | null;
  iTotalCents: number | null;
};

/**
 * The reports about one invoice, on its page: hand-written on the driver (lib/data/direct-sql.ts), the rows
 * findCitizenReports' selection gives (tests/integration/invoice-page-reads.test.ts compares them with Prisma's).
 * Nearly every invoice has none, and Prisma's query compiler cost more than finding that out.
 */
export async function findInvoiceCitizenReports(
  db: DbOrTx,
  practitionerId: string,
  invoiceId: string,
): Promise<StoredCitizenReport[]> {
  const rows = await queryRows<ListedReportRow>(
    db,
    Prisma.sql`
    SELECT r."id", r."invoiceId", r."identity", r."reportedOn", r."text", r."detail", r."extra", r."fetchedAt",
      r."handledAt", i."id" AS "iId", i."kind" AS "iKind", i."status" AS "iStatus", i."number" AS "iNumber",
      i."year" AS "iYear", i."issueDate" AS "iIssueDate", i."totalCents" AS "iTotalCents"
    FROM "StsCitizenReport" r LEFT JOIN "Invoice" i ON i."id" = r."invoiceId"
    WHERE r."practitionerId" = ${practitionerId} AND r."invoiceId" = ${invoiceId}
    ORDER BY r."reportedOn" DESC, r."fetchedAt" DESC`,
  );
  return rows.map(({ iId, iKind, iStatus, iNumber, iYear, iIssueDate, iTotalCents, ...row }) => ({
    ...row,
    fetchedAt: new Date(row.fetchedAt),
    handledAt: dateOrNull(row.handledAt),
    invoice:
      iId === null
        ? null
        : {
            id: iId,
            kind: iKind!,
            status: iStatus!,
            number: iNumber,
            year: iYear,
            issueDate: iIssueDate!,
            totalCents: iTotalCents!,
          },
  }));
}

export type StoredCitizenReport = Awaited<ReturnType<typeof findCitizenReports>>[number];

/** Marks one of the practitioner's reports handled; false when it is not theirs (or does not exist). */
export async function markCitizenReportHandled(db: DbOrTx, practitionerId: string, id: string, now: Date) {
  const updated = await db.stsCitizenReport.updateMany({
    where: { id, practitionerId, handledAt: null },
    data: { handledAt: now },
  });
  if (updated.count === 1) return true;
  return (await db.stsCitizenReport.count({ where: { id, practitionerId } })) === 1;
}
