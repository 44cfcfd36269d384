import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CreditNoteForm } from "@/components/invoices/credit-note-form";
import { requirePractitionerPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { findInvoice } from "@/lib/data/invoices";
import { isoDate } from "@/lib/domain/dates";
import { formatCents } from "@/lib/domain/money";
import { documentNumberLabel } from "@/lib/presentation/invoices/labels";

export const metadata: Metadata = { title: "Nota di credito" };

export default async function CreditNotePage({ params }: { params: Promise<{ id: string }> }) {
  const practitioner = await requirePractitionerPage();
  const { id } = await params;
  const invoice = await findInvoice(db(), practitioner.id, id);
  if (!invoice || invoice.kind !== "invoice" || invoice.status !== "issued") notFound();
  const credited = invoice.creditNotes.filter((n) => n.status === "issued").reduce((s, n) => s + n.totalCents, 0);
  return (
    <>
      <h1>Nota di credito sulla fattura n. {documentNumberLabel(invoice)}</h1>
      <p>
        Totale fattura {formatCents(invoice.totalCents)}
        {credited > 0 ? `, già stornati ${formatCents(credited)}` : ""}. La nota di credito ha una sua numerazione (NC
        n/anno) e, se la fattura è stata inviata al Sistema TS, verrà trasmessa come rimborso.
      </p>
      <CreditNoteForm
        invoiceId={invoice.id}
        today={isoDate(new Date())}
        creditable={formatCents(invoice.totalCents - credited)}
      />
    </>
  );
}
