import type { DbOrTx } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { queryRows } from "./direct-sql";
import { dateOrNull } from "./narrow";

export function findMailSettings(db: DbOrTx, practitionerId: string) {
  return db.mailSettings.findUnique({ where: { practitionerId } });
}

export type MailSettingsRow = NonNullable<Awaited<ReturnType<typeof findMailSettings>>>;

export function upsertMailSettings(
  db: DbOrTx,
  practitionerId: string,
  data: Omit<Prisma.MailSettingsUncheckedCreateInput, "practitionerId">,
) {
  return db.mailSettings.upsert({ where: { practitionerId }, create: { ...data, practitionerId }, update: data });
}

export function createOutboxMessage(db: DbOrTx, data: Prisma.OutboxMessageUncheckedCreateInput) {
  return db.outboxMessage.create({ data, select: { id: true } });
}

export function findOutboxMessage(db: DbOrTx, practitionerId: string, id: string) {
  return db.outboxMessage.findFirst({ where: { id, practitionerId } });
}

/** The list without the attachments' bytes. */
export const listedMessageColumns = {
  id: true,
  invoiceId: true,
  patientId: true,
  kind: true,
  toAddress: true,
  subject: true,
  body: true,
  attachmentName: true,
  status: true,
  attempts: true,
  lastError: true,
  sentAt: true,
  createdAt: true,
} as const;

export function listOutboxMessages(db: DbOrTx, practitionerId: string, take = 200) {
  return db.outboxMessage.findMany({
    where: { practitionerId },
    orderBy: { createdAt: "desc" },
    take,
    select: listedMessageColumns,
  });
}

// On the invoice's page: hand-written on the driver (lib/data/direct-sql.ts), the rows Prisma's model API returns
// with `listedMessageColumns` (tests/integration/invoice-page-reads.test.ts compares them).
export async function listInvoiceMessages(
  db: DbOrTx,
  practitionerId: string,
  invoiceId: string,
): Promise<ListedMessage[]> {
  type Row = Omit<ListedMessage, "sentAt" | "createdAt" | "attempts"> & {
    sentAt: Date | string | null;
    createdAt: Date | string;
    attempts: number | bigint;
  };
  const rows = await queryRows<Row>(
    db,
    Prisma.sql`
    SELECT "id", "invoiceId", "patientId", "kind", "toAddress", "subject", "body", "attachmentName", "status",
      "attempts", "lastError", "sentAt", "createdAt"
    FROM "OutboxMessage" WHERE "practitionerId" = ${practitionerId} AND "invoiceId" = ${invoiceId}
    ORDER BY "createdAt" DESC, "id" DESC`,
  );
  return rows.map((row) => ({
    ...row,
    attempts: Number(row.attempts),
    sentAt: dateOrNull(row.sentAt),
    createdAt: new Date(row.createdAt),
  }));
}

export type ListedMessage = Awaited<ReturnType<typeof listOutboxMessages>>[number];

export function recordDelivery(
  db: DbOrTx,
  id: string,
  outcome: { status: "sent" | "outbox" | "queued"; error: string | null; at: Date },
) {
  return db.outboxMessage.update({
    where: { id },
    data: {
      status: outcome.status,
      lastError: outcome.error,
      attempts: { increment: outcome.status === "outbox" ? 0 : 1 },
      sentAt: outcome.status === "sent" ? outcome.at : null,
    },
  });
}
