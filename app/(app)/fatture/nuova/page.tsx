import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { InvoiceForm } from "@/components/invoices/invoice-form";
import { emptyInvoiceFormValues } from "@/components/invoices/invoice-form-values";
import { requirePractitionerPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { findPatient } from "@/lib/data/patients";
import { getProfile } from "@/lib/services/profile/get-profile";
import { isProfileComplete } from "@/lib/services/profile/is-profile-complete";
import { pricingFromProfile } from "@/lib/services/invoices/invoice-pricing";
import { DEFAULT_STS_EXPENSE_TYPE } from "@/lib/domain/sts-expense-type";

export const metadata: Metadata = { title: "Nuova fattura" };

export default async function NewInvoicePage({ searchParams }: { searchParams: Promise<{ paziente?: string }> }) {
  const practitioner = await requirePractitionerPage();
  const { paziente } = await searchParams;
  const [profile, patient] = await Promise.all([
    getProfile({ db: db(), practitionerId: practitioner.id }),
    paziente ? findPatient(db(), practitioner.id, String(paziente)) : null,
  ]);
  const pricing = pricingFromProfile(profile);
  return (
    <>
      <h1>Nuova fattura</h1>
      {!isProfileComplete(profile) ? (
        <p className="form-error" role="status">
          Per emettere fatture completa prima il <Link href="/impostazioni/profilo">profilo</Link>. Puoi comunque
          salvare una bozza.
        </p>
      ) : null}
      <InvoiceForm
        mode="new"
        initial={emptyInvoiceFormValues({
          patient,
          now: new Date(),
          defaultExpenseType: profile?.defaultExpenseType ?? DEFAULT_STS_EXPENSE_TYPE,
        })}
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
