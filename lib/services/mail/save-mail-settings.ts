import type { DbOrTx } from "../../db";
import { sealSecret } from "../../crypto/secret-box";
import { findMailSettings, upsertMailSettings } from "../../data/mail";
import { encryptionKey } from "../../env";
import { MailSettingsSchema } from "../../schemas/mail-settings";
import { parseInput } from "../../schemas/validation";

/** Saves sender, SMTP server, templates and reminders. The password is sealed at rest and never shown back. */
export async function saveMailSettings(options: { db: DbOrTx; practitionerId: string; input: unknown }) {
  const data = parseInput(MailSettingsSchema, options.input);
  const stored = await findMailSettings(options.db, options.practitionerId);
  const password = data.smtpPassword === "" ? undefined : sealSecret(data.smtpPassword, encryptionKey());
  const orNull = (v: string) => (v === "" ? null : v);
  await upsertMailSettings(options.db, options.practitionerId, {
    senderName: orNull(data.senderName),
    replyTo: orNull(data.replyTo),
    smtpHost: orNull(data.smtpHost),
    smtpPort: data.smtpPort === "" ? null : Number(data.smtpPort),
    smtpSecurity: data.smtpSecurity,
    smtpUser: orNull(data.smtpUser),
    // Removing the server forgets its password too.
    smtpPasswordEnc: data.smtpHost === "" ? null : (password ?? stored?.smtpPasswordEnc ?? null),
    smtpFrom: orNull(data.smtpFrom),
    invoiceSubject: orNull(data.invoiceSubject),
    invoiceBody: orNull(data.invoiceBody),
    reminderSubject: orNull(data.reminderSubject),
    reminderBody: orNull(data.reminderBody),
    statementSubject: orNull(data.statementSubject),
    statementBody: orNull(data.statementBody),
    reminderAfterDays: data.reminderAfterDays,
    autoReminders: data.autoReminders,
    reminderEveryDays: data.reminderEveryDays,
  });
  return { saved: true };
}
