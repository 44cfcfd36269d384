import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { MessageList } from "@/components/mail/message-list";
import { requirePractitionerPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { findMailSettings, listOutboxMessages } from "@/lib/data/mail";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Posta" };

export default async function PostaPage() {
  const practitioner = await requirePractitionerPage();
  const [messages, settings] = await Promise.all([
    listOutboxMessages(db(), practitioner.id),
    findMailSettings(db(), practitioner.id),
  ]);
  const configured = Boolean(settings?.smtpHost || env().SMTP_URL);
  return (
    <>
      <div className="page-head">
        <h1>Posta</h1>
        <Link className="btn btn-secondary" href="/promemoria">
          Promemoria di pagamento
        </Link>
      </div>
      <p>
        {configured
          ? "Le fatture, i promemoria e i riepiloghi inviati ai pazienti, con l'esito di ogni invio. Quelli non riusciti restano in coda: puoi riprovare."
          : "Nessun server di posta è configurato: i messaggi restano qui, nella posta in uscita, e non vengono consegnati. Per inviarli davvero, configura il server in "}
        {configured ? null : <Link href="/impostazioni/email">Impostazioni → E-mail</Link>}
        {configured ? null : "."}
      </p>
      <MessageList messages={messages} />
    </>
  );
}
