import { randomBytes } from "node:crypto";
import type { DbOrTx } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { STS_OPERATIONS, type StsOperation } from "../domain/sts/record";
import {
  DOCUMENT_OUTCOMES,
  SUBMISSION_STATUSES,
  type DocumentOutcome,
  type SubmissionChannel,
  type SubmissionOutcome,
  type SubmissionStatus,
  type SubmissionTrigger,
} from "../domain/sts/submission";
import { executeSql, queryRows } from "./direct-sql";
import { oneOf } from "./narrow";

// The writes of a submission's life on the worker's paths (hourly run, outcome polling), in hand-written SQL valid
// on SQLite and PostgreSQL: see lib/data/sts-documents.ts for why. The pages read submissions through Prisma.

let sequence = 0;
// Random bytes drawn 4 KB at a time: one call to the system's generator per 512 ids.
let pool = Buffer.alloc(0);
let offset = 0;

/** A new row id in the shape of Prisma's cuid() (25 lower-case alphanumerics, starting with "c"). */
export function newId(): string {
  sequence = (sequence + 1) % 36 ** 4;
  if (offset + 8 > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  const random = pool.readBigUInt64BE(offset).toString(36).padStart(13, "0").slice(0, 11);
  offset += 8;
  return "c" + Date.now().toString(36).padStart(9, "0") + sequence.toString(36).padStart(4, "0") + random;
}

export type NewSubmission = {
  practitionerId: string;
  trigger: SubmissionTrigger;
  channel: SubmissionChannel;
  environment: string;
  status: SubmissionStatus;
  documentCount: number;
  slotKey?: string | null;
};

/** The statement that inserts a new submission (with the id given, else a new one), and the submission's id. */
export function submissionInsert(data: NewSubmission & { id?: string }): { id: string; statement: Prisma.Sql } {
  const id = data.id ?? newId();
  const now = new Date();
  const statement = Prisma.sql`
    INSERT INTO "StsSubmission" ("id", "practitionerId", "trigger", "channel", "environment", "status", "documentCount",
      "attempts", "slotKey", "createdAt", "updatedAt")
    VALUES (${id}, ${data.practitionerId}, ${data.trigger}, ${data.channel}, ${data.environment}, ${data.status},
      ${data.documentCount}, 0, ${data.slotKey ?? null}, ${now}, ${now})`;
  return { id, statement };
}

// What the worker paths change on a submission; undefined leaves a column as it is, null empties it.
export type SubmissionChange = Partial<{
  status: SubmissionStatus;
  outcome: SubmissionOutcome | null;
  fileName: string | null;
  protocollo: string | null;
  acceptedAt: string | null;
  documentCount: number;
  nInviati: number | null;
  nAccolti: number | null;
  nWarnings: number | null;
  nErrori: number | null;
  stato: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  receiptPdf: Uint8Array | null;
  errorsCsv: Uint8Array | null;
  attempts: number;
  nextPollAt: Date | null;
  lockedBy: string | null;
  lockedUntil: Date | null;
  completedAt: Date | null;
}>;

const SUBMISSION_COLUMNS = [
  "status",
  "outcome",
  "fileName",
  "protocollo",
  "acceptedAt",
  "documentCount",
  "nInviati",
  "nAccolti",
  "nWarnings",
  "nErrori",
  "stato",
  "errorCode",
  "errorMessage",
  "receiptPdf",
  "errorsCsv",
  "attempts",
  "nextPollAt",
  "lockedBy",
  "lockedUntil",
  "completedAt",
] as const satisfies readonly (keyof SubmissionChange)[];

/** The statement that updates one submission (updatedAt set to the time of the write). */
export function submissionUpdate(id: string, change: SubmissionChange): Prisma.Sql {
  const sets = [Prisma.sql`"updatedAt" = ${new Date()}`];
  for (const column of SUBMISSION_COLUMNS) {
    const value = change[column];
    if (value === undefined) continue;
    sets.push(Prisma.sql`${Prisma.raw(`"${column}"`)} = ${value instanceof Uint8Array ? Buffer.from(value) : value}`);
  }
  return Prisma.sql`UPDATE "StsSubmission" SET ${Prisma.join(sets, ", ")} WHERE "id" = ${id}`;
}

/** Updates one submission; returns the number of rows changed. */
export function updateSubmission(db: DbOrTx, id: string, change: SubmissionChange): Promise<number> {
  return executeSql(db, submissionUpdate(id, change));
}

export type NewSubmissionLine = {
  submissionId: string;
  invoiceId: string;
  practitionerId: string;
  operation: StsOperation;
  identity: string;
  version: number;
};

/** A submission's document lines, in one insert; each starts with the outcome "pending". */
export function insertSubmissionLines(db: DbOrTx, lines: NewSubmissionLine[]): Promise<number> {
  if (lines.length === 0) return Promise.resolve(0);
  const rows = lines.map(
    (l) =>
      Prisma.sql`(${newId()}, ${l.submissionId}, ${l.invoiceId}, ${l.practitionerId}, ${l.operation}, ${l.identity}, ${l.version}, 'pending')`,
  );
  return executeSql(
    db,
    Prisma.sql`
    INSERT INTO "StsSubmissionDocument" ("id", "submissionId", "invoiceId", "practitionerId", "operation", "identity", "version", "outcome")
    VALUES ${Prisma.join(rows, ", ")}`,
  );
}

export type SubmissionLine = {
  invoiceId: string;
  operation: StsOperation;
  identity: string;
  version: number;
  outcome: DocumentOutcome;
};

export async function findSubmissionLines(db: DbOrTx, submissionId: string): Promise<SubmissionLine[]> {
  const rows = await queryRows<Omit<SubmissionLine, "operation" | "outcome"> & { operation: string; outcome: string }>(
    db,
    Prisma.sql`
    SELECT "invoiceId", "operation", "identity", "version", "outcome" FROM "StsSubmissionDocument"
    WHERE "submissionId" = ${submissionId} ORDER BY "id"`,
  );
  return rows.map((r) => ({
    ...r,
    operation: oneOf(STS_OPERATIONS, r.operation, "StsSubmissionDocument.operation"),
    outcome: oneOf(DOCUMENT_OUTCOMES, r.outcome, "StsSubmissionDocument.outcome"),
    version: Number(r.version),
  }));
}

/** Notes one outcome (and, when given, its codes as JSON) on some documents' lines of a submission. */
export function setLineOutcomes(
  db: DbOrTx,
  line: {
    submissionId: string;
    practitionerId: string;
    invoiceIds: string[];
    outcome: DocumentOutcome;
    codes?: string;
  },
): Promise<number> {
  if (line.invoiceIds.length === 0) return Promise.resolve(0);
  const codes = line.codes === undefined ? Prisma.empty : Prisma.sql`, "codes" = ${line.codes}`;
  return executeSql(
    db,
    Prisma.sql`
    UPDATE "StsSubmissionDocument" SET "outcome" = ${line.outcome}${codes}
    WHERE "submissionId" = ${line.submissionId} AND "practitionerId" = ${line.practitionerId}
      AND "invoiceId" IN (${Prisma.join(line.invoiceIds)})`,
  );
}

export type LeasedSubmission = {
  id: string;
  practitionerId: string;
  status: SubmissionStatus;
  protocollo: string | null;
  attempts: number;
};

type LeasedRow = Omit<LeasedSubmission, "status"> & { status: string };
const leased = (r: LeasedRow): LeasedSubmission => ({
  ...r,
  status: oneOf(SUBMISSION_STATUSES, r.status, "StsSubmission.status"),
  attempts: Number(r.attempts),
});

/**
 * Leases up to `limit` submissions whose outcome is due to `workerId` until `until`, in one statement. The lease
 * condition is checked again on every row it updates, so two workers never lease the same submission (on
 * PostgreSQL the row lock makes the second re-check the row as the first left it).
 */
export async function leaseDueSubmissions(
  db: DbOrTx,
  options: { workerId: string; now: Date; until: Date; limit: number },
): Promise<LeasedSubmission[]> {
  const { workerId, now, until, limit } = options;
  const free = Prisma.sql`"status" = 'awaiting_outcome' AND "nextPollAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})`;
  const rows = await queryRows<LeasedRow>(
    db,
    Prisma.sql`
    UPDATE "StsSubmission" SET "lockedBy" = ${workerId}, "lockedUntil" = ${until}
    WHERE ${free} AND "id" IN (
      SELECT "id" FROM "StsSubmission" WHERE ${free} ORDER BY "nextPollAt" LIMIT ${limit})
    RETURNING "id", "practitionerId", "status", "protocollo", "attempts"`,
  );
  return rows.map(leased);
}

/** Ends `workerId`'s leases on these submissions (those it still holds). */
export function releaseLeases(db: DbOrTx, workerId: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return Promise.resolve(0);
  return executeSql(
    db,
    Prisma.sql`
    UPDATE "StsSubmission" SET "lockedBy" = NULL, "lockedUntil" = NULL
    WHERE "lockedBy" = ${workerId} AND "id" IN (${Prisma.join(ids)})`,
  );
}

export function deleteSubmission(db: DbOrTx, id: string): Promise<number> {
  return executeSql(db, Prisma.sql`DELETE FROM "StsSubmission" WHERE "id" = ${id}`);
}

/**
 * Leases up to `limit` uncertain submissions (an upload that may or may not have reached STS) to `workerId` until
 * `until`, oldest first, in one statement: the sweep of one worker resolves a submission while the others skip it.
 */
export async function leaseUncertainSubmissions(
  db: DbOrTx,
  options: { workerId: string; now: Date; until: Date; limit: number },
): Promise<LeasedSubmission[]> {
  const { workerId, now, until, limit } = options;
  const free = Prisma.sql`"status" = 'uncertain' AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})`;
  const rows = await queryRows<LeasedRow>(
    db,
    Prisma.sql`
    UPDATE "StsSubmission" SET "lockedBy" = ${workerId}, "lockedUntil" = ${until}
    WHERE ${free} AND "id" IN (
      SELECT "id" FROM "StsSubmission" WHERE ${free} ORDER BY "createdAt" LIMIT ${limit})
    RETURNING "id", "practitionerId", "status", "protocollo", "attempts"`,
  );
  return rows.map(leased);
}
