"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { resendSubmissionAction } from "@/app/(app)/invii/actions";
import styles from "./sts.module.css";

export function ResendButton({ submissionId, count }: { submissionId: string; count: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  async function resend() {
    setBusy(true);
    const result = await resendSubmissionAction(submissionId);
    setBusy(false);
    if (!result.ok) return setMessage(result.message);
    if (result.data.submissionId) router.push(`/invii/${result.data.submissionId}`);
    router.refresh();
  }
  return (
    <p>
      <button type="button" className={styles.yellowButton} disabled={busy} onClick={resend}>
        Invia di nuovo i documenti corretti ({count})
      </button>{" "}
      {message ? (
        <span role="status" className={styles.note}>
          {message}
        </span>
      ) : null}
    </p>
  );
}
