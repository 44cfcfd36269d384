"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { setPatientArchivedAction } from "@/app/(app)/pazienti/actions";
import { FormError } from "@/components/ui/form-message";

export function ArchiveButton({ patientId, archived }: { patientId: string; archived: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function toggle() {
    setPending(true);
    const result = await setPatientArchivedAction(patientId, !archived);
    setPending(false);
    if (!result.ok) return setMessage(result.message);
    setMessage(null);
    router.refresh();
  }

  return (
    <>
      <button type="button" className="btn btn-secondary" onClick={toggle} disabled={pending}>
        {archived ? "Ripristina il paziente" : "Archivia il paziente"}
      </button>
      <FormError message={message} />
    </>
  );
}
