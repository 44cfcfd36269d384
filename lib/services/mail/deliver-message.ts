import { AppError, notFound } from "../../app-error";
import type { Db } from "../../db";
import { findMailSettings, findOutboxMessage, recordDelivery } from "../../data/mail";
import { describeError } from "../../describe-error";
import { describeSmtpError, resolveMailRoute } from "./mail-transport";

export type DeliveryOutcome = { id: string; status: "sent" | "outbox" | "queued"; error: string | null };

/**
 * Delivers one stored message: through SMTP when configured (the message becomes "sent", or stays "queued" with the
 * error in plain Italian, to retry), else it stays in the local outbox. The message row exists before any attempt,
 * so nothing is lost whatever happens; a message already sent is never sent again.
 */
export async function deliverMessage(options: {
  db: Db;
  practitionerId: string;
  messageId: string;
  now?: () => Date;
}): Promise<DeliveryOutcome> {
  const now = options.now ?? (() => new Date());
  const message = await findOutboxMessage(options.db, options.practitionerId, options.messageId);
  if (!message) throw notFound("Messaggio non trovato.");
  if (message.status === "sent") throw new AppError("conflict", "Questo messaggio è già stato inviato.");
  const settings = await findMailSettings(options.db, options.practitionerId);
  let route;
  try {
    route = resolveMailRoute(settings);
  } catch (error) {
    console.error(`[mail] cannot prepare the transport: ${describeError(error)}`);
    const failure = "La password SMTP salvata non è leggibile: inseriscila di nuovo in Impostazioni → E-mail.";
    await recordDelivery(options.db, message.id, { status: "queued", error: failure, at: now() });
    return { id: message.id, status: "queued", error: failure };
  }
  if (route.kind === "outbox") {
    await recordDelivery(options.db, message.id, { status: "outbox", error: null, at: now() });
    return { id: message.id, status: "outbox", error: null };
  }
  const senderName = settings?.senderName?.trim();
  try {
    await route.transport.sendMail({
      from: senderName ? { name: senderName, address: route.from } : route.from,
      replyTo: settings?.replyTo || undefined,
      to: message.toAddress,
      subject: message.subject,
      text: message.body,
      attachments:
        message.attachment && message.attachmentName
          ? [
              {
                filename: message.attachmentName,
                content: Buffer.from(message.attachment),
                contentType: "application/pdf",
              },
            ]
          : [],
    });
    await recordDelivery(options.db, message.id, { status: "sent", error: null, at: now() });
    return { id: message.id, status: "sent", error: null };
  } catch (error) {
    const failure = describeSmtpError(error);
    console.error(`[mail] delivery failed: ${(error as { code?: string })?.code ?? "unknown"}`);
    await recordDelivery(options.db, message.id, { status: "queued", error: failure, at: now() });
    return { id: message.id, status: "queued", error: failure };
  } finally {
    route.transport.close();
  }
}
