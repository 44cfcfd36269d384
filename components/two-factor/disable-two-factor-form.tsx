"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { disableTwoFactorAction } from "@/app/(app)/impostazioni/sicurezza/actions";
import { Field } from "@/components/ui/field";
import { clientFieldErrors, type FieldErrors } from "@/components/ui/field-errors";
import { FormError } from "@/components/ui/form-message";
import { DisableTwoFactorSchema } from "@/lib/schemas/two-factor";

// Turning the second factor off asks for what a login asks: the password and a code.
export function DisableTwoFactorForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = { password: String(form.get("password") ?? ""), code: String(form.get("code") ?? "") };
    const local = clientFieldErrors(DisableTwoFactorSchema, values);
    setErrors(local ?? {});
    setMessage(null);
    if (local) return;
    setPending(true);
    const result = await disableTwoFactorAction(values);
    setPending(false);
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      return setMessage(result.message);
    }
    router.refresh();
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <h3>Disattiva</h3>
      <p>Per disattivarla inserisci la password e un codice dell&apos;app (o un codice di recupero).</p>
      <FormError message={message} />
      <Field id="disable-password" label="Password" errors={errors.password}>
        {(p) => <input {...p} name="password" type="password" autoComplete="current-password" required />}
      </Field>
      <Field id="disable-code" label="Codice di verifica" errors={errors.code}>
        {(p) => <input {...p} name="code" type="text" inputMode="numeric" autoComplete="one-time-code" required />}
      </Field>
      <div>
        <button className="btn btn-danger" type="submit" disabled={pending}>
          {pending ? "Disattivazione…" : "Disattiva la verifica in due passaggi"}
        </button>
      </div>
    </form>
  );
}
