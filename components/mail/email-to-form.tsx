"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult } from "@/lib/app-error";
import { Field } from "@/components/ui/field";
import type { FieldErrors } from "@/components/ui/field-errors";
import { FormError, FormNotice } from "@/components/ui/form-message";

export type SentOutcome = { status: "sent" | "outbox" | "queued"; error: string | null };

export function outcomeNotice(outcome: SentOutcome, to: string): string {
  if (outcome.status === "sent") return `Inviata a ${to}.`;
  if (outcome.status === "outbox")
    return "Nessun server di posta configurato: il messaggio è nella Posta in uscita, non consegnato.";
  return "";
}

type Props = {
  id: string;
  defaultTo: string;
  button: string;
  send: (input: { to: string }) => Promise<ActionResult<SentOutcome>>;
};

// One address and a button: used for the invoice and for the annual statement.
export function EmailToForm({ id, defaultTo, button, send }: Props) {
  const router = useRouter();
  const [to, setTo] = useState(defaultTo);
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        setMessage(null);
        setNotice(null);
        const result = await send({ to });
        setPending(false);
        if (!result.ok) {
          setMessage(result.message);
          setErrors(result.fieldErrors ?? {});
          return;
        }
        setErrors({});
        if (result.data.status === "queued") setMessage(`Non inviata, resta in coda: ${result.data.error}`);
        else setNotice(outcomeNotice(result.data, to.trim()));
        router.refresh();
      }}
    >
      <Field id={`${id}-to`} label="Indirizzo e-mail del paziente" errors={errors.to}>
        {(p) => <input {...p} type="email" name="to" value={to} onChange={(e) => setTo(e.target.value)} />}
      </Field>
      <FormError message={message} />
      <FormNotice message={notice} />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? "Invio in corso…" : button}
      </button>
    </form>
  );
}
