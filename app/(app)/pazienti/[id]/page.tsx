import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { StatementEmailForm } from "@/components/mail/statement-email-form";
import { ArchiveButton } from "@/components/patients/archive-button";
import { PatientBadges } from "@/components/patients/patient-badges";
import { PatientDataActions } from "@/components/patients/patient-data-actions";
import { PatientForm } from "@/components/patients/patient-form";
import { PatientInvoices } from "@/components/patients/patient-invoices";
import { patientFormValues } from "@/components/patients/patient-form-values";
import { PatientSummary } from "@/components/patients/patient-summary";
import styles from "@/components/patients/patients.module.css";
import { AppError } from "@/lib/app-error";
import { requirePractitionerPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { summarizePatientExpenses } from "@/lib/services/patients/expense-statement";
import { FISCAL_RETENTION_YEARS } from "@/lib/services/patients/delete-patient";
import { getPatientOrThrow } from "@/lib/services/patients/get-patient-or-throw";
import { listPatientInvoices } from "@/lib/services/patients/patient-invoices";
import { patientDisplayName } from "@/lib/presentation/patients/patient-display-name";

export const metadata: Metadata = { title: "Paziente" };

export default async function PazientePage({ params }: { params: Promise<{ id: string }> }) {
  const practitioner = await requirePractitionerPage();
  const { id } = await params;
  const patient = await getPatientOrThrow({ db: db(), practitionerId: practitioner.id, patientId: id }).catch(
    (error) => {
      if (error instanceof AppError && error.code === "not_found") notFound();
      throw error;
    },
  );
  const scope = { db: db(), practitionerId: practitioner.id, patientId: patient.id };
  const [invoices, expenses] = await Promise.all([listPatientInvoices(scope), summarizePatientExpenses(scope)]);
  const expenseYears =
    patient.kind === "company"
      ? null
      : expenses.map((y) => ({ year: y.year, totalCents: y.totalCents, documentCount: y.entries.length }));

  return (
    <>
      <p>
        <Link href="/pazienti">← Pazienti</Link>
      </p>
      <div className="page-head">
        <h1>{patientDisplayName(patient)}</h1>
        <ArchiveButton patientId={patient.id} archived={Boolean(patient.archivedAt)} />
      </div>
      <div className={styles.badges}>
        <PatientBadges patient={patient} />
      </div>
      <div className="card">
        <PatientSummary patient={patient} />
      </div>

      <section aria-labelledby="patient-invoices" className={styles.section} data-slot="patient-invoices">
        <PatientInvoices patientId={patient.id} rows={invoices} expenseYears={expenseYears} />
      </section>

      {expenseYears && expenseYears.length > 0 ? (
        <section aria-labelledby="patient-statement-mail" className={styles.section}>
          <h2 id="patient-statement-mail">Riepilogo spese per e-mail</h2>
          <div className="card">
            {expenseYears.slice(0, 2).map((y) => (
              <StatementEmailForm key={y.year} patientId={patient.id} year={y.year} defaultTo={patient.email ?? ""} />
            ))}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="patient-edit" className={styles.section}>
        <h2 id="patient-edit">Modifica i dati</h2>
        <PatientForm
          initial={patientFormValues(patient)}
          patientId={patient.id}
          heldInvoices={invoices.filter((i) => i.status === "issued" && i.stsEverHeld).length}
        />
      </section>

      <section aria-labelledby="patient-data" className={styles.section}>
        <h2 id="patient-data">Dati del paziente</h2>
        <p>
          Su richiesta del paziente puoi consegnargli una copia dei suoi dati (scheda, documenti e PDF). Un paziente con
          documenti emessi non si può eliminare per {FISCAL_RETENTION_YEARS} anni dall&apos;ultimo: puoi archiviarlo.
        </p>
        <PatientDataActions patientId={patient.id} />
      </section>
    </>
  );
}
