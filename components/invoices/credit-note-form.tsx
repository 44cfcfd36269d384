"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createCreditNoteAction } from "@/app/(app)/fatture/actions";
import { CreditNoteSchema } from "@/lib/schemas/invoice";
import { Field } from "@/components/ui/field";
import { clientFieldErrors, type FieldErrors } from "@/components/ui/field-errors";
import { FormError } from "@/components/ui/form-message";

export function CreditNoteForm({
  invoiceId,
  today,
  creditable,
}: {
  invoiceId: string;
  today: string;
  creditable: string;
}) {
  const router = useRouter();
  const [mode, setMode] = useState<"full" | "partial">("full");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input =
      mode === "full"
        ? { mode, issueDate: String(form.get("issueDate") ?? "") }
        : {
            mode,
            issueDate: String(form.get("issueDate") ?? ""),
            amount: String(form.get("amount") ?? ""),
            description: String(form.get("description") ?? ""),
          };
    const local = clientFieldErrors(CreditNoteSchema, input);
    setErrors(local ?? {});
    setMessage(local ? "Controlla i campi evidenziati." : null);
    if (local) return;
    setPending(true);
    const result = await createCreditNoteAction(invoiceId, input);
    setPending(false);
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      setMessage(result.fieldErrors?._form?.[0] ?? result.message);
      return;
    }
    router.push(`/fatture/${result.data.id}`);
    router.refresh();
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormError message={message} />
      <fieldset className="field">
        <legend>Importo da stornare</legend>
        <label>
          <input type="radio" name="mode" value="full" checked={mode === "full"} onChange={() => setMode("full")} />{" "}
          Storno totale ({creditable})
        </label>
        <label>
          <input
            type="radio"
            name="mode"
            value="partial"
            checked={mode === "partial"}
            onChange={() => setMode("partial")}
          />{" "}
          Storno parziale
        </label>
      </fieldset>
      <Field id="issueDate" label="Data della nota di credito" errors={errors.issueDate}>
        {(p) => <input {...p} name="issueDate" type="date" defaultValue={today} />}
      </Field>
      {mode === "partial" ? (
        <>
          <Field id="amount" label="Importo (€)" errors={errors.amount} hint={`Al massimo ${creditable}.`}>
            {(p) => <input {...p} name="amount" inputMode="decimal" />}
          </Field>
          <Field id="description" label="Descrizione" errors={errors.description}>
            {(p) => <input {...p} name="description" defaultValue="Rimborso parziale" />}
          </Field>
        </>
      ) : null}
      <button type="submit" className="btn btn-primary" disabled={pending}>
        Emetti nota di credito
      </button>
    </form>
  );
}
