import type { DbOrTx } from "../db";
import { Prisma } from "../generated/sqlite/client";

/** Notes one outcome (and, when given, its codes as JSON) on some documents' lines of a submission. */
export function setLineOutcomes(
  db: DbOrTx,
  line: { submissionId: string; practitionerId: string; invoiceIds: string[]; outcome: string; codes?: string },
) {
  if (line.invoiceIds.length === 0) return Promise.resolve(0);
  const codes = line.codes === undefined ? Prisma.empty : Prisma.sql`, "codes" = ${line.codes}`;
  return db.$executeRaw`
    UPDATE "StsSubmissionDocument" SET "outcome" = ${line.outcome}${codes}
    WHERE "submissionId" = ${line.submissionId} AND "practitionerId" = ${line.practitionerId}
      AND "invoiceId" IN (${Prisma.join(line.invoiceIds)})`;
}
