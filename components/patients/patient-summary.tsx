import { formatItalianDate } from "@/lib/domain/dates";
import type { Patient } from "@/lib/generated/sqlite/client";
import styles from "./patients.module.css";

// The patient's card: identity and contacts at a glance, above the edit form.
export function PatientSummary({ patient }: { patient: Patient }) {
  const address = [
    patient.address,
    [patient.postalCode, patient.city].filter(Boolean).join(" "),
    patient.province && `(${patient.province})`,
  ]
    .filter(Boolean)
    .join(", ");
  const items: [string, string | null][] =
    patient.kind === "company"
      ? [
          ["Partita IVA", patient.partitaIva],
          ["Codice fiscale", patient.codiceFiscale],
        ]
      : [
          ["Codice fiscale", patient.foreign ? "Straniero, senza codice fiscale italiano" : patient.codiceFiscale],
          ["Data di nascita", patient.birthDate ? formatItalianDate(patient.birthDate) : null],
        ];
  items.push(
    ["Email", patient.email],
    ["Telefono", patient.phone],
    ["Indirizzo", address || null],
    [
      "Opposizione STS",
      patient.opposesSts && patient.opposesStsSince ? `dal ${formatItalianDate(patient.opposesStsSince)}` : null,
    ],
  );
  return (
    <dl className={styles.summary}>
      {items
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
