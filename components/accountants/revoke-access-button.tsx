"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { revokeAccountantAction } from "@/app/(app)/impostazioni/commercialista/actions";
import { FormError } from "@/components/ui/form-message";

export function RevokeAccessButton({ accessId, label }: { accessId: string; label: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function revoke() {
    setPending(true);
    const result = await revokeAccountantAction(accessId);
    setPending(false);
    if (!result.ok) return setError(result.message);
    router.refresh();
  }
  return (
    <>
      <button type="button" className="btn btn-secondary" onClick={revoke} disabled={pending} aria-label={label}>
        {pending ? "Revoca…" : "Revoca"}
      </button>
      <FormError message={error} />
    </>
  );
}
