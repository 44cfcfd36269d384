import type { Patient } from "@/lib/generated/sqlite/client";
import type { PatientFormValues } from "@/lib/schemas/patient";

export function emptyPatientFormValues(): PatientFormValues {
  return {
    kind: "person",
    firstName: "",
    lastName: "",
    companyName: "",
    foreign: false,
    codiceFiscale: "",
    partitaIva: "",
    email: "",
    phone: "",
    address: "",
    postalCode: "",
    city: "",
    province: "",
    opposesSts: false,
    opposesStsSince: "",
    notes: "",
  };
}

export function patientFormValues(patient: Patient): PatientFormValues {
  return {
    kind: patient.kind,
    firstName: patient.firstName ?? "",
    lastName: patient.lastName ?? "",
    companyName: patient.companyName ?? "",
    foreign: patient.foreign,
    codiceFiscale: patient.codiceFiscale ?? "",
    partitaIva: patient.partitaIva ?? "",
    email: patient.email ?? "",
    phone: patient.phone ?? "",
    address: patient.address ?? "",
    postalCode: patient.postalCode ?? "",
    city: patient.city ?? "",
    province: patient.province ?? "",
    opposesSts: patient.opposesSts,
    opposesStsSince: patient.opposesStsSince ?? "",
    notes: patient.notes ?? "",
  };
}
