import nodemailer from "nodemailer";
import { openSecretWithAny } from "../../crypto/secret-box";
import type { MailSettingsRow } from "../../data/mail";
import { decryptionKeys, env } from "../../env";

export type SmtpSecurity = "starttls" | "tls" | "none";

/** Where a practitioner's messages go: their own SMTP server, the installation's, or nowhere (the local outbox). */
export type MailRoute =
  | { kind: "outbox" }
  | { kind: "smtp"; source: "practitioner" | "installation"; from: string; transport: nodemailer.Transporter };

const TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 };

function practitionerTransport(settings: MailSettingsRow) {
  const security = settings.smtpSecurity as SmtpSecurity;
  const password = settings.smtpPasswordEnc ? openSecretWithAny(settings.smtpPasswordEnc, decryptionKeys()) : null;
  return nodemailer.createTransport({
    host: settings.smtpHost!,
    port: settings.smtpPort ?? (security === "tls" ? 465 : 587),
    // SMTPS: TLS from the first byte; STARTTLS: upgrade required, never sent in clear; none: local test servers only.
    secure: security === "tls",
    requireTLS: security === "starttls",
    ignoreTLS: security === "none",
    auth: settings.smtpUser ? { user: settings.smtpUser, pass: password ?? "" } : undefined,
    ...TIMEOUTS,
  });
}

export function resolveMailRoute(settings: MailSettingsRow | null): MailRoute {
  if (settings?.smtpHost) {
    const from = settings.smtpFrom || settings.smtpUser || settings.replyTo || "";
    return { kind: "smtp", source: "practitioner", from, transport: practitionerTransport(settings) };
  }
  const url = env().SMTP_URL;
  if (url) {
    const from = env().SMTP_FROM ?? decodeURIComponent(new URL(url).username);
    return { kind: "smtp", source: "installation", from, transport: nodemailer.createTransport(url, TIMEOUTS) };
  }
  return { kind: "outbox" };
}

// The failure in plain Italian, from nodemailer's error code. The server's own reply is not shown: it may echo the
// user name, and the password must never reach a page or a log.
export function describeSmtpError(error: unknown): string {
  const code = (error as { code?: string; responseCode?: number })?.code ?? "";
  const responseCode = (error as { responseCode?: number })?.responseCode;
  if (code === "ESOCKET" && /tls|ssl|certificate/i.test(String((error as Error)?.message))) {
    return "La connessione sicura (TLS) con il server di posta non è riuscita: controlla il tipo di sicurezza.";
  }
  switch (code) {
    case "EAUTH":
      return "Il server di posta ha rifiutato nome utente o password: controllali in Impostazioni → E-mail.";
    case "ECONNECTION":
    case "EDNS":
    case "ESOCKET":
      return "Il server di posta non è raggiungibile: controlla indirizzo e porta in Impostazioni → E-mail, poi riprova.";
    case "ETIMEDOUT":
      return "Il server di posta non ha risposto in tempo: riprova tra poco.";
    case "ETLS":
      return "La connessione sicura (TLS) con il server di posta non è riuscita: controlla il tipo di sicurezza.";
    case "EENVELOPE":
      return "Il server di posta ha rifiutato il destinatario o il mittente: controlla gli indirizzi.";
    case "EMESSAGE":
      return `Il server di posta ha rifiutato il messaggio${responseCode ? ` (codice ${responseCode})` : ""}.`;
    default:
      return "Invio non riuscito per un errore del server di posta: riprova tra poco.";
  }
}
