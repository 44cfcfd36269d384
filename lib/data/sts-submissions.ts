import type { DbOrTx } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { STS_OPERATIONS } from "../domain/sts/record";
import {
  DOCUMENT_OUTCOMES,
  SUBMISSION_CHANNELS,
  SUBMISSION_OUTCOMES,
  SUBMISSION_STATUSES,
  SUBMISSION_TRIGGERS,
} from "../domain/sts/submission";
import { queryRows } from "./direct-sql";
import { dateOrNull, invoiceKindAndStatus, oneOf, oneOfOrNull } from "./narrow";

export const SUBMISSION_PAGE_SIZE = 25;

export type SubmissionListFilters = { trigger?: string; outcome?: string };

// Everything but the stored files: they can weigh hundreds of KB each and are read only on download.
export const submissionHeaderSelect = {
  id: true,
  trigger: true,
  channel: true,
  environment: true,
  status: true,
  outcome: true,
  fileName: true,
  protocollo: true,
  acceptedAt: true,
  documentCount: true,
  nInviati: true,
  nAccolti: true,
  nWarnings: true,
  nErrori: true,
  stato: true,
  errorCode: true,
  errorMessage: true,
  createdAt: true,
  completedAt: true,
} as const;

type SelectedHeader = Prisma.StsSubmissionGetPayload<{ select: typeof submissionHeaderSelect }>;

// The header's status, outcome, trigger and channel as the domain's union types.
function header<R extends SelectedHeader>(row: R) {
  return {
    ...row,
    trigger: oneOf(SUBMISSION_TRIGGERS, row.trigger, "StsSubmission.trigger"),
    channel: oneOf(SUBMISSION_CHANNELS, row.channel, "StsSubmission.channel"),
    status: oneOf(SUBMISSION_STATUSES, row.status, "StsSubmission.status"),
    outcome: oneOfOrNull(SUBMISSION_OUTCOMES, row.outcome, "StsSubmission.outcome"),
  };
}

type HeaderSqlRow = Omit<SelectedHeader, "createdAt" | "completedAt"> & {
  createdAt: Date | string;
  completedAt: Date | string | null;
  hasReceipt: boolean | number;
  hasErrorsCsv: boolean | number;
};

// "pending" stands for a submission without an outcome yet (still being processed, or to be verified).
function listConditions(practitionerId: string, filters: SubmissionListFilters): Prisma.Sql {
  const conditions = [Prisma.sql`"practitionerId" = ${practitionerId}`];
  if (filters.trigger) conditions.push(Prisma.sql`"trigger" = ${filters.trigger}`);
  if (filters.outcome === "pending") conditions.push(Prisma.sql`"outcome" IS NULL`);
  else if (filters.outcome) conditions.push(Prisma.sql`"outcome" = ${filters.outcome}`);
  return Prisma.join(conditions, " AND ");
}

/**
 * One page of the send log, newest first, with whether each submission has a receipt and an errors CSV (the files
 * themselves stay in the database), and how many there are. Hand-written on the driver (lib/data/direct-sql.ts):
 * two statements where Prisma's model API made four, each costing its query compiler more than the read
 * (tests/integration/sts-log-reads.test.ts compares the two).
 */
export async function findSubmissionPage(
  db: DbOrTx,
  practitionerId: string,
  page: number,
  filters: SubmissionListFilters,
) {
  const where = listConditions(practitionerId, filters);
  const [rows, [counted]] = await Promise.all([
    queryRows<HeaderSqlRow>(
      db,
      Prisma.sql`
      SELECT "id", "trigger", "channel", "environment", "status", "outcome", "fileName", "protocollo", "acceptedAt",
        "documentCount", "nInviati", "nAccolti", "nWarnings", "nErrori", "stato", "errorCode", "errorMessage",
        "createdAt", "completedAt", "receiptPdf" IS NOT NULL AS "hasReceipt", "errorsCsv" IS NOT NULL AS "hasErrorsCsv"
      FROM "StsSubmission" WHERE ${where}
      ORDER BY "createdAt" DESC, "id" DESC
      LIMIT ${SUBMISSION_PAGE_SIZE} OFFSET ${(page - 1) * SUBMISSION_PAGE_SIZE}`,
    ),
    queryRows<{ count: number | bigint | string }>(
      db,
      Prisma.sql`SELECT CAST(COUNT(*) AS INTEGER) AS "count" FROM "StsSubmission" WHERE ${where}`,
    ),
  ]);
  const total = Number(counted?.count ?? 0);
  return {
    rows: rows.map(({ hasReceipt, hasErrorsCsv, ...row }) => ({
      ...header({ ...row, createdAt: new Date(row.createdAt), completedAt: dateOrNull(row.completedAt) }),
      hasReceipt: Boolean(hasReceipt),
      hasErrorsCsv: Boolean(hasErrorsCsv),
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / SUBMISSION_PAGE_SIZE)),
  };
}

export type SubmissionHeader = Awaited<ReturnType<typeof findSubmissionPage>>["rows"][number];

type StoredFilesRow = { hasReceipt: boolean | number; hasErrorsCsv: boolean | number };

export async function findSubmission(db: DbOrTx, practitionerId: string, submissionId: string) {
  // Whether its receipt and errors files exist asked as the send log's page asks it (the bytes not read), beside it.
  const [submission, [files]] = await Promise.all([
    db.stsSubmission.findFirst({
      where: { id: submissionId, practitionerId },
      select: {
        ...submissionHeaderSelect,
        documents: {
          // The document's own practitionerId is checked too: a document row never leaks across practitioners.
          where: { practitionerId },
          orderBy: { id: "asc" },
          select: {
            id: true,
            operation: true,
            identity: true,
            outcome: true,
            codes: true,
            invoice: {
              select: {
                id: true,
                kind: true,
                status: true,
                number: true,
                year: true,
                issueDate: true,
                patient: { select: { id: true, kind: true, firstName: true, lastName: true, companyName: true } },
              },
            },
          },
        },
      },
    }),
    queryRows<StoredFilesRow>(
      db,
      Prisma.sql`SELECT "receiptPdf" IS NOT NULL AS "hasReceipt", "errorsCsv" IS NOT NULL AS "hasErrorsCsv"
        FROM "StsSubmission" WHERE "id" = ${submissionId} AND "practitionerId" = ${practitionerId}`,
    ),
  ]);
  if (!submission || !files) return null;
  return {
    ...header(submission),
    documents: submission.documents.map((d) => ({
      ...d,
      operation: oneOf(STS_OPERATIONS, d.operation, "StsSubmissionDocument.operation"),
      outcome: oneOf(DOCUMENT_OUTCOMES, d.outcome, "StsSubmissionDocument.outcome"),
      invoice: invoiceKindAndStatus(d.invoice),
    })),
    hasReceipt: Boolean(files.hasReceipt),
    hasErrorsCsv: Boolean(files.hasErrorsCsv),
  };
}

export type SubmissionWithDocuments = NonNullable<Awaited<ReturnType<typeof findSubmission>>>;

export function findSubmissionReceipt(db: DbOrTx, practitionerId: string, submissionId: string) {
  return db.stsSubmission.findFirst({
    where: { id: submissionId, practitionerId },
    select: { id: true, protocollo: true, receiptPdf: true },
  });
}

export function findSubmissionErrorsCsv(db: DbOrTx, practitionerId: string, submissionId: string) {
  return db.stsSubmission.findFirst({
    where: { id: submissionId, practitionerId },
    select: { id: true, protocollo: true, errorsCsv: true },
  });
}

export function findSubmissionExchanges(db: DbOrTx, practitionerId: string, submissionId: string) {
  return db.stsExchange.findMany({
    where: { submissionId, practitionerId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      operation: true,
      url: true,
      httpStatus: true,
      durationMs: true,
      request: true,
      response: true,
      createdAt: true,
    },
  });
}

/** Per submission, how many of its documents ended in each outcome: { [submissionId]: { accepted: 2, … } }. */
export async function countDocumentOutcomes(db: DbOrTx, practitionerId: string, submissionIds: string[]) {
  const counts: Record<string, Record<string, number>> = {};
  if (submissionIds.length === 0) return counts;
  // On the driver: the send log asks for a page of them at every view.
  const groups = await queryRows<{ submissionId: string; outcome: string; count: number | bigint | string }>(
    db,
    Prisma.sql`
    SELECT "submissionId", "outcome", CAST(COUNT(*) AS INTEGER) AS "count" FROM "StsSubmissionDocument"
    WHERE "practitionerId" = ${practitionerId} AND "submissionId" IN (${Prisma.join(submissionIds)})
    GROUP BY "submissionId", "outcome"`,
  );
  for (const g of groups) (counts[g.submissionId] ??= {})[g.outcome] = Number(g.count);
  return counts;
}

export async function submissionExists(db: DbOrTx, practitionerId: string, submissionId: string): Promise<boolean> {
  return (await db.stsSubmission.count({ where: { id: submissionId, practitionerId } })) > 0;
}
