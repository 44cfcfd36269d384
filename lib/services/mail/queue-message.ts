import type { Db } from "../../db";
import { createOutboxMessage, findMailSettings } from "../../data/mail";
import { DEFAULT_TEMPLATES, fillTemplate, type MailKind } from "../../domain/mail-templates";
import { findIssuerProfile } from "../../data/invoices";
import { deliverMessage, type DeliveryOutcome } from "./deliver-message";

export type NewMessage = {
  kind: MailKind;
  to: string;
  values: Record<string, string>;
  invoiceId?: string;
  patientId?: string;
  attachment?: { name: string; content: Uint8Array };
};

/** The practitioner's template for a kind of message (their own, else the default), with the values filled in. */
export async function composeMessage(db: Db, practitionerId: string, kind: MailKind, values: Record<string, string>) {
  const [settings, profile] = await Promise.all([
    findMailSettings(db, practitionerId),
    findIssuerProfile(db, practitionerId),
  ]);
  const own = settings
    ? {
        invoice: [settings.invoiceSubject, settings.invoiceBody],
        reminder: [settings.reminderSubject, settings.reminderBody],
        statement: [settings.statementSubject, settings.statementBody],
      }[kind]
    : [null, null];
  const filled = { professionista: settings?.senderName || profile?.displayName || "", ...values };
  return {
    subject: fillTemplate(own[0] || DEFAULT_TEMPLATES[kind].subject, filled),
    body: fillTemplate(own[1] || DEFAULT_TEMPLATES[kind].body, filled),
  };
}

/** Stores the message first (never lost), then tries to deliver it. */
export async function queueMessage(options: {
  db: Db;
  practitionerId: string;
  message: NewMessage;
  now?: () => Date;
}): Promise<DeliveryOutcome> {
  const { db, practitionerId, message } = options;
  const { subject, body } = await composeMessage(db, practitionerId, message.kind, message.values);
  const { id } = await createOutboxMessage(db, {
    practitionerId,
    invoiceId: message.invoiceId ?? null,
    patientId: message.patientId ?? null,
    kind: message.kind,
    toAddress: message.to,
    subject,
    body,
    attachmentName: message.attachment?.name ?? null,
    attachment: message.attachment ? new Uint8Array(message.attachment.content) : null,
    status: "queued",
  });
  return deliverMessage({ db, practitionerId, messageId: id, now: options.now });
}
