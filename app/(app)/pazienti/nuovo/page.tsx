import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { PatientForm } from "@/components/patients/patient-form";
import { emptyPatientFormValues } from "@/components/patients/patient-form-values";
import { requirePractitionerPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Nuovo paziente" };

export default async function NuovoPazientePage() {
  await requirePractitionerPage();
  return (
    <>
      <p>
        <Link href="/pazienti">← Pazienti</Link>
      </p>
      <h1>Nuovo paziente</h1>
      <PatientForm initial={emptyPatientFormValues()} />
    </>
  );
}
