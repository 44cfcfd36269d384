import type { DbOrTx } from "../db";
import { Prisma, type StsSubmission, type StsSubmissionDocument } from "../generated/sqlite/client";
import { queryRows } from "./direct-sql";

export type InvoiceStsHistoryEntry = StsSubmissionDocument & {
  submission: Pick<StsSubmission, "id" | "createdAt" | "trigger" | "channel" | "protocollo" | "status">;
};

type Row = Omit<StsSubmissionDocument, "version"> & {
  version: number | bigint;
  sId: string;
  sCreatedAt: Date | string;
  sTrigger: string;
  sChannel: string;
  sProtocollo: string | null;
  sStatus: string;
};

// The transmissions a document was part of, newest first (the invoice's "Storico invii"), on its page: hand-written
// on the driver (lib/data/direct-sql.ts), the rows Prisma's model API returns with the submission included
// (tests/integration/invoice-page-reads.test.ts compares them).
export async function findInvoiceStsHistory(
  db: DbOrTx,
  practitionerId: string,
  invoiceId: string,
): Promise<InvoiceStsHistoryEntry[]> {
  const rows = await queryRows<Row>(
    db,
    Prisma.sql`
    SELECT d."id", d."submissionId", d."invoiceId", d."practitionerId", d."operation", d."identity", d."version",
      d."outcome", d."codes", s."id" AS "sId", s."createdAt" AS "sCreatedAt", s."trigger" AS "sTrigger",
      s."channel" AS "sChannel", s."protocollo" AS "sProtocollo", s."status" AS "sStatus"
    FROM "StsSubmissionDocument" d JOIN "StsSubmission" s ON s."id" = d."submissionId"
    WHERE d."invoiceId" = ${invoiceId} AND d."practitionerId" = ${practitionerId}
    ORDER BY s."createdAt" DESC, d."id" DESC
    LIMIT 50`,
  );
  return rows.map(({ sId, sCreatedAt, sTrigger, sChannel, sProtocollo, sStatus, ...document }) => ({
    ...document,
    version: Number(document.version),
    submission: {
      id: sId,
      createdAt: new Date(sCreatedAt),
      trigger: sTrigger,
      channel: sChannel,
      protocollo: sProtocollo,
      status: sStatus,
    },
  }));
}
