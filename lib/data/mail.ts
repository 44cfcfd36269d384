import type { DbOrTx } from "../db";
import type { Prisma } from "../generated/sqlite/client";

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
const listed = {
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
  return db.outboxMessage.findMany({ where: { practitionerId }, orderBy: { createdAt: "desc" }, take, select: listed });
}

export function listInvoiceMessages(db: DbOrTx, practitionerId: string, invoiceId: string) {
  return db.outboxMessage.findMany({
    where: { practitionerId, invoiceId },
    orderBy: { createdAt: "desc" },
    select: listed,
  });
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
