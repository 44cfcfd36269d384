import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InvoiceForm } from "@/components/invoices/invoice-form";
import { invoiceFormValues } from "@/components/invoices/invoice-form-values";
import { requirePractitionerPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { findInvoice } from "@/lib/data/invoices";
import { getProfile } from "@/lib/services/profile/get-profile";
import { pricingFromProfile } from "@/lib/services/invoices/invoice-pricing";
import { documentNumberLabel } from "@/lib/presentation/invoices/labels";
import { invoiceIdentityLock } from "@/lib/services/invoices/identity-lock";
import styles from "@/components/invoices/invoices.module.css";

export const metadata: Metadata = { title: "Modifica fattura" };

export default async function EditInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const practitioner = await requirePractitionerPage();
  const { id } = await params;
  const invoice = await findInvoice(db(), practitioner.id, id);
  if (!invoice || invoice.kind !== "invoice" || invoice.status === "void") notFound();
  // Drafts follow the current profile; issued invoices keep the settings they were issued with.
  const profile = await getProfile({ db: db(), practitionerId: practitioner.id });
  const pricing = pricingFromProfile(invoice.status === "draft" ? profile : invoice);
  const lock = invoiceIdentityLock(invoice);
  const numberLabel = documentNumberLabel(invoice);
  return (
    <>
      <h1>Modifica {invoice.status === "draft" ? "bozza" : `fattura n. ${numberLabel}`}</h1>
      {lock.locked ? (
        <div className={styles.lockNotice} role="note" data-testid="identity-lock">
          <strong>Il Sistema TS ha già ricevuto questa fattura: numero e data non si possono più cambiare.</strong>
          <p>
            Sono la sua identità sul Sistema TS. Le altre modifiche (paziente, importi, tipo di spesa, pagamento,
            opposizione) vengono registrate nello storico e inviate come variazione. Se numero o data sono sbagliati,
            usa «Annulla e riemetti»: questa fattura viene annullata e ne viene emessa una nuova, con un nuovo numero.
          </p>
        </div>
      ) : invoice.status === "issued" ? (
        <p className="form-notice" role="status">
          La fattura è già emessa: ogni modifica viene registrata nello storico e, se era già stata inviata, verrà
          trasmessa al Sistema TS come variazione.
        </p>
      ) : null}
      <InvoiceForm
        invoiceId={invoice.id}
        mode={invoice.status === "draft" ? "draft" : "issued"}
        initial={invoiceFormValues(invoice)}
        lock={lock.locked ? { numberLabel, reissueBlocked: lock.reissueBlocked } : undefined}
        profession={profile?.profession ?? ""}
        pricing={{
          rateBp: pricing.pensionFundRateBp,
          bolloPolicy: pricing.bolloPolicy,
          pensionFundLabel: pricing.pensionFundLabel,
        }}
      />
    </>
  );
}
