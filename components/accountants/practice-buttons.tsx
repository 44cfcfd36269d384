"use client";

import { useState } from "react";
import {
  acceptInvitationAction,
  leavePracticeAction,
  openPracticeAction,
} from "@/app/(commercialista)/commercialista/actions";
import { FormError } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/app-error";

// A full navigation after switching: the whole shell (and every cached page) changes with the practice.
function useSwitch(run: () => Promise<ActionResult>, to: string) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function go() {
    setPending(true);
    setError(null);
    const result = await run();
    if (!result.ok) {
      setPending(false);
      return setError(result.message);
    }
    window.location.assign(to);
  }
  return { error, pending, go };
}

export function AcceptInvitationButton({ token, practiceName }: { token: string; practiceName: string }) {
  const { error, pending, go } = useSwitch(() => acceptInvitationAction(token), "/fatture");
  return (
    <>
      <button type="button" className="btn btn-primary" onClick={go} disabled={pending}>
        {pending ? "Attendere…" : `Accetta e apri lo studio di ${practiceName}`}
      </button>
      <FormError message={error} />
    </>
  );
}

export function OpenPracticeButton({ accessId, practiceName }: { accessId: string; practiceName: string }) {
  const { error, pending, go } = useSwitch(() => openPracticeAction(accessId), "/fatture");
  return (
    <>
      <button type="button" className="btn btn-primary" onClick={go} disabled={pending}>
        {pending ? "Apertura…" : `Apri ${practiceName}`}
      </button>
      <FormError message={error} />
    </>
  );
}

export function LeavePracticeButton() {
  const { error, pending, go } = useSwitch(() => leavePracticeAction(), "/");
  return (
    <>
      <button type="button" className="btn btn-secondary" onClick={go} disabled={pending}>
        Torna al tuo studio
      </button>
      <FormError message={error} />
    </>
  );
}
