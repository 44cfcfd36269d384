"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { deletePatientAction } from "@/app/(app)/pazienti/actions";
import { FormError } from "@/components/ui/form-message";
import styles from "./patients.module.css";

// The patient's rights over their data: a copy on request, and deletion (refused, with the reason, while the
// documents issued to them must be kept).
export function PatientDataActions({ patientId }: { patientId: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function remove() {
    setPending(true);
    const result = await deletePatientAction(patientId);
    setPending(false);
    setConfirming(false);
    if (!result.ok) return setMessage(result.message);
    router.push("/pazienti");
  }

  return (
    <div className={styles.dataActions}>
      <a className="btn btn-secondary" href={`/pazienti/${patientId}/dati`}>
        Esporta i dati del paziente
      </a>
      {confirming ? (
        <>
          <span>Eliminare il paziente e le sue bozze?</span>
          <button type="button" className="btn btn-danger" onClick={remove} disabled={pending}>
            Sì, elimina
          </button>
          <button type="button" className="btn btn-secondary" onClick={() => setConfirming(false)} disabled={pending}>
            Annulla
          </button>
        </>
      ) : (
        <button type="button" className="btn btn-secondary" onClick={() => setConfirming(true)}>
          Elimina il paziente
        </button>
      )}
      <FormError message={message} />
    </div>
  );
}
