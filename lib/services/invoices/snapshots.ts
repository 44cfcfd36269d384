import { sexOfCodiceFiscale } from "../../domain/codice-fiscale";
import { printedProfession } from "../../domain/profession";
import type { Patient, Profile } from "../../generated/sqlite/client";

// What the invoice prints of the patient and the issuer, frozen when it is issued (later edits of the patient
// card or the profile don't rewrite issued documents).
export type PatientSnapshot = {
  name: string;
  kind: string;
  foreign: boolean;
  codiceFiscale: string | null;
  partitaIva: string | null;
  addressLines: string[];
};

export type IssuerSnapshot = {
  name: string;
  professionLines: string[];
  codiceFiscale: string;
  partitaIva: string;
  addressLines: string[];
  iban: string | null;
  email: string | null;
  phone: string | null;
  footer: string | null;
};

// "Mario Rossi" as printed on the invoice (lists use patientDisplayName's "Rossi Mario").
function patientPrintName(patient: Pick<Patient, "kind" | "firstName" | "lastName" | "companyName">) {
  if (patient.kind === "company") return patient.companyName ?? "";
  return [patient.firstName, patient.lastName].filter(Boolean).join(" ");
}

function addressLines(p: {
  address: string | null;
  postalCode: string | null;
  city: string | null;
  province: string | null;
}) {
  const cityLine = [p.postalCode, p.city, p.province ? `(${p.province})` : null].filter(Boolean).join(" ");
  return [p.address, cityLine].filter((line): line is string => Boolean(line && line.trim()));
}

export function patientSnapshot(patient: Patient): PatientSnapshot {
  return {
    name: patientPrintName(patient),
    kind: patient.kind,
    foreign: patient.foreign,
    codiceFiscale: patient.codiceFiscale,
    partitaIva: patient.partitaIva,
    addressLines: addressLines(patient),
  };
}

export function issuerSnapshot(profile: Profile): IssuerSnapshot {
  return {
    name: profile.displayName,
    professionLines: [
      profile.profession ? printedProfession(profile.profession, sexOfCodiceFiscale(profile.codiceFiscale)) : "",
      profile.alboRegistration ?? "",
    ].filter(Boolean),
    codiceFiscale: profile.codiceFiscale,
    partitaIva: profile.partitaIva,
    addressLines: addressLines(profile),
    iban: profile.iban,
    email: profile.email,
    phone: profile.phone,
    footer: profile.invoiceFooter,
  };
}

export function parseSnapshot<T>(json: string | null): T | null {
  return json ? (JSON.parse(json) as T) : null;
}
