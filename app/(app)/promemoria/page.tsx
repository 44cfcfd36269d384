import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { ReminderList } from "@/components/mail/reminder-list";
import { requirePractitionerPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatItalianDate } from "@/lib/domain/dates";
import { formatCents } from "@/lib/domain/money";
import { documentNumberLabel } from "@/lib/presentation/invoices/labels";
import { listOverdueInvoices } from "@/lib/services/mail/overdue-invoices";
import { patientDisplayName } from "@/lib/presentation/patients/patient-display-name";

export const metadata: Metadata = { title: "Promemoria di pagamento" };

export default async function PromemoriaPage() {
  const practitioner = await requirePractitionerPage();
  const { afterDays, invoices } = await listOverdueInvoices({ db: db(), practitionerId: practitioner.id });
  const rows = invoices.map((i) => ({
    id: i.id,
    number: documentNumberLabel(i),
    date: formatItalianDate(i.issueDate),
    patient: patientDisplayName(i.patient),
    email: i.patient.email,
    amount: formatCents(i.totalCents),
    lastReminder: i.lastReminderAt ? formatItalianDate(i.lastReminderAt) : null,
  }));
  return (
    <>
      <h1>Promemoria di pagamento</h1>
      <p>
        Fatture emesse e non ancora pagate a {afterDays} giorni dalla data. Il numero di giorni, il testo del promemoria
        e l&apos;invio automatico si impostano in <Link href="/impostazioni/email">Impostazioni → E-mail</Link>.
      </p>
      <ReminderList rows={rows} />
    </>
  );
}
