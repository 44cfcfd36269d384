"use client";

import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { safeNextPath } from "@/lib/http/safe-next";
import { LoginSchema } from "@/lib/schemas/account";
import { Field } from "@/components/ui/field";
import { clientFieldErrors, type FieldErrors } from "@/components/ui/field-errors";
import { FormError } from "@/components/ui/form-message";

export function LoginForm() {
  const router = useRouter();
  const next = useSearchParams().get("next");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    const local = clientFieldErrors(LoginSchema, values);
    setErrors(local ?? {});
    setMessage(null);
    if (local) return;
    setPending(true);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setPending(false);
      setMessage(
        result?.error && result.error !== "CredentialsSignin" ? result.error : "Email o password non corretti.",
      );
      return;
    }
    // Only a path of this origin is followed after login (no open redirect).
    router.replace(safeNextPath(next, window.location.origin));
    router.refresh();
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormError message={message} />
      <Field id="email" label="Email" errors={errors.email}>
        {(p) => <input {...p} name="email" type="email" autoComplete="username" required />}
      </Field>
      <Field id="password" label="Password" errors={errors.password}>
        {(p) => <input {...p} name="password" type="password" autoComplete="current-password" required />}
      </Field>
      <button className="btn btn-primary" type="submit" disabled={pending}>
        {pending ? "Accesso in corso…" : "Accedi"}
      </button>
    </form>
  );
}
