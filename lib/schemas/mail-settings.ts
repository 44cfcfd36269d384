import { z } from "zod";
import { EmailAddress } from "./mail";

const optionalText = (max: number) => z.string().trim().max(max, `Massimo ${max} caratteri.`).default("");
const optionalEmail = z
  .string()
  .trim()
  .default("")
  .pipe(z.union([z.literal(""), EmailAddress]));
const days = (label: string) =>
  z.coerce
    .number({ error: `Indica un numero di giorni per ${label}.` })
    .int(`Indica un numero intero di giorni per ${label}.`)
    .min(1, `Almeno 1 giorno per ${label}.`)
    .max(365, `Al massimo 365 giorni per ${label}.`);

// Impostazioni → E-mail. The SMTP password is write-only: empty keeps the stored one (like the STS secrets).
export const MailSettingsSchema = z
  .object({
    senderName: optionalText(100),
    replyTo: optionalEmail,
    smtpHost: z
      .string()
      .trim()
      .max(253)
      .default("")
      .refine((v) => v === "" || /^[A-Za-z0-9.-]+$/.test(v), "Indica solo il nome del server, es. smtp.example.com."),
    smtpPort: z.string().trim().default(""),
    smtpSecurity: z.enum(["starttls", "tls", "none"]).default("starttls"),
    smtpUser: optionalText(200),
    smtpPassword: z.string().max(200, "Massimo 200 caratteri.").default(""),
    smtpFrom: optionalEmail,
    invoiceSubject: optionalText(200),
    invoiceBody: optionalText(5000),
    reminderSubject: optionalText(200),
    reminderBody: optionalText(5000),
    statementSubject: optionalText(200),
    statementBody: optionalText(5000),
    reminderAfterDays: days("i promemoria").default(30),
    autoReminders: z.boolean().default(false),
    reminderEveryDays: days("l'intervallo tra i promemoria").default(15),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.smtpPort !== "" && !(/^\d{1,5}$/.test(v.smtpPort) && Number(v.smtpPort) >= 1 && Number(v.smtpPort) <= 65535))
      issue("smtpPort", "La porta è un numero tra 1 e 65535 (di solito 587 o 465).");
    if (v.smtpHost !== "" && v.smtpFrom === "" && !v.smtpUser.includes("@"))
      issue("smtpFrom", "Indica l'indirizzo del mittente, quello della casella del server di posta.");
  });

export type MailSettingsInput = z.input<typeof MailSettingsSchema>;
