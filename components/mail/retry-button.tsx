"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { retryMessageAction } from "@/app/(app)/posta/actions";
import { FormError } from "@/components/ui/form-message";

export function RetryButton({ messageId, label = "Riprova" }: { messageId: string; label?: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="btn btn-secondary"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          const result = await retryMessageAction(messageId);
          setPending(false);
          setMessage(result.ok ? null : result.message);
          router.refresh();
        }}
      >
        {pending ? "Invio…" : label}
      </button>
      <FormError message={message} />
    </>
  );
}
