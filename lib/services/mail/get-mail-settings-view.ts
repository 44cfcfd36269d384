import type { DbOrTx } from "../../db";
import { findMailSettings } from "../../data/mail";
import { DEFAULT_TEMPLATES } from "../../domain/mail-templates";
import { env } from "../../env";

/** What the settings form shows: never the SMTP password, only whether one is stored. */
export async function getMailSettingsView(db: DbOrTx, practitionerId: string) {
  const s = await findMailSettings(db, practitionerId);
  return {
    values: {
      senderName: s?.senderName ?? "",
      replyTo: s?.replyTo ?? "",
      smtpHost: s?.smtpHost ?? "",
      smtpPort: s?.smtpPort ? String(s.smtpPort) : "",
      smtpSecurity: s?.smtpSecurity ?? "starttls",
      smtpUser: s?.smtpUser ?? "",
      smtpFrom: s?.smtpFrom ?? "",
      invoiceSubject: s?.invoiceSubject ?? DEFAULT_TEMPLATES.invoice.subject,
      invoiceBody: s?.invoiceBody ?? DEFAULT_TEMPLATES.invoice.body,
      reminderSubject: s?.reminderSubject ?? DEFAULT_TEMPLATES.reminder.subject,
      reminderBody: s?.reminderBody ?? DEFAULT_TEMPLATES.reminder.body,
      statementSubject: s?.statementSubject ?? DEFAULT_TEMPLATES.statement.subject,
      statementBody: s?.statementBody ?? DEFAULT_TEMPLATES.statement.body,
      reminderAfterDays: String(s?.reminderAfterDays ?? 30),
      reminderEveryDays: String(s?.reminderEveryDays ?? 15),
      autoReminders: s?.autoReminders ?? false,
    },
    hasPassword: Boolean(s?.smtpPasswordEnc),
    installationSmtp: Boolean(env().SMTP_URL),
  };
}

export type MailSettingsView = Awaited<ReturnType<typeof getMailSettingsView>>;
