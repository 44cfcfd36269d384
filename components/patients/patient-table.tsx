import Link from "@/components/ui/link";
import type { Patient } from "@/lib/generated/sqlite/client";
import { patientDisplayName } from "@/lib/presentation/patients/patient-display-name";
import { PatientBadges } from "./patient-badges";
import styles from "./patients.module.css";

export function PatientTable({ patients }: { patients: Patient[] }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Elenco dei pazienti</caption>
        <thead>
          <tr>
            <th scope="col">Paziente</th>
            <th scope="col">Codice fiscale / P.IVA</th>
            <th scope="col">Comune</th>
            <th scope="col">Note per STS</th>
          </tr>
        </thead>
        <tbody>
          {patients.map((patient) => (
            <tr key={patient.id}>
              <td>
                <Link href={`/pazienti/${patient.id}`}>{patientDisplayName(patient)}</Link>
              </td>
              <td>
                {patient.codiceFiscale || patient.partitaIva ? (
                  <span className={styles.mono}>{patient.codiceFiscale ?? patient.partitaIva}</span>
                ) : (
                  "—"
                )}
              </td>
              <td>{patient.city ?? "—"}</td>
              <td>
                <PatientBadges patient={patient} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
