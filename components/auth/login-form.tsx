"use client";

import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { safeNextPath } from "@/lib/http/safe-next";
import { LoginSchema } from "@/lib/schemas/account";
import { INVALID_SECOND_FACTOR, TWO_FACTOR_REQUIRED } from "@/lib/schemas/two-factor";
import { Field } from "@/components/ui/field";
import { clientFieldErrors, type FieldErrors } from "@/components/ui/field-errors";
import { FormError, FormNotice } from "@/components/ui/form-message";

// Email and password; for an account with two-factor authentication the server answers that a code is needed, and
// the form asks for it (email and password stay as typed and are sent again with the code).
// The code field appears after the password was accepted: the cursor goes there.
const focusWhenShown = (input: HTMLInputElement | null) => input?.focus();

export function LoginForm() {
  const router = useRouter();
  const next = useSearchParams().get("next");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [needsCode, setNeedsCode] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    const code = String(form.get("code") ?? "").trim();
    const local =
      clientFieldErrors(LoginSchema, values) ?? (needsCode && !code ? { code: ["Inserisci il codice."] } : null);
    setErrors(local ?? {});
    setMessage(null);
    if (local) return;
    setPending(true);
    const result = await signIn("credentials", { ...values, ...(needsCode ? { code } : {}), redirect: false });
    if (!result || result.error) {
      setPending(false);
      if (result?.error === TWO_FACTOR_REQUIRED) {
        setNeedsCode(true);
        return;
      }
      if (result?.error === INVALID_SECOND_FACTOR) {
        setErrors({ code: [INVALID_SECOND_FACTOR] });
        return;
      }
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
        {(p) => <input {...p} name="email" type="email" autoComplete="username" required readOnly={needsCode} />}
      </Field>
      <Field id="password" label="Password" errors={errors.password}>
        {(p) => (
          <input {...p} name="password" type="password" autoComplete="current-password" required readOnly={needsCode} />
        )}
      </Field>
      {needsCode ? (
        <>
          <FormNotice message="Password corretta. Ora inserisci il codice a 6 cifre che mostra l'app di autenticazione." />
          <Field
            id="code"
            label="Codice di verifica"
            errors={errors.code}
            hint="Hai perso il telefono? Inserisci uno dei codici di recupero."
          >
            {(p) => (
              <input
                {...p}
                name="code"
                type="text"
                inputMode="numeric"
                autoComplete="one-time-code"
                ref={focusWhenShown}
                required
              />
            )}
          </Field>
        </>
      ) : null}
      <button className="btn btn-primary" type="submit" disabled={pending}>
        {pending ? "Accesso in corso…" : needsCode ? "Verifica e accedi" : "Accedi"}
      </button>
    </form>
  );
}
