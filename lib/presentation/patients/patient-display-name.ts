type Named = { kind: string; firstName: string | null; lastName: string | null; companyName: string | null };

/** "Rossi Mario" for a person (as lists sort them), the company name for a business client. */
export function patientDisplayName(patient: Named): string {
  if (patient.kind === "company") return patient.companyName ?? "";
  return [patient.lastName, patient.firstName].filter(Boolean).join(" ");
}
