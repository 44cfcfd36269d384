"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { registerAction } from "@/app/(auth)/registrazione/actions";
import { RegisterSchema } from "@/lib/schemas/account";
import { Field } from "@/components/ui/field";
import { clientFieldErrors, type FieldErrors } from "@/components/ui/field-errors";
import { FormError } from "@/components/ui/form-message";

export function RegisterForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      passwordConfirm: String(form.get("passwordConfirm") ?? ""),
    };
    const local = clientFieldErrors(RegisterSchema, values);
    setErrors(local ?? {});
    setMessage(local ? "Controlla i campi evidenziati." : null);
    if (local) return;
    setPending(true);
    const result = await registerAction(values);
    if (!result.ok) {
      setPending(false);
      setErrors(result.fieldErrors ?? {});
      setMessage(result.message);
      return;
    }
    const login = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    if (login?.error) {
      setPending(false);
      setMessage("Account creato. Accedi con la tua email e password.");
      router.push("/login");
      return;
    }
    router.replace("/");
    router.refresh();
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormError message={message} />
      <Field id="name" label="Nome e cognome" errors={errors.name}>
        {(p) => <input {...p} name="name" autoComplete="name" required />}
      </Field>
      <Field id="email" label="Email" errors={errors.email}>
        {(p) => <input {...p} name="email" type="email" autoComplete="email" required />}
      </Field>
      <Field
        id="password"
        label="Password"
        errors={errors.password}
        hint="Almeno 10 caratteri, non facile da indovinare: ad esempio tre o quattro parole a caso."
      >
        {(p) => <input {...p} name="password" type="password" autoComplete="new-password" required />}
      </Field>
      <Field id="passwordConfirm" label="Ripeti la password" errors={errors.passwordConfirm}>
        {(p) => <input {...p} name="passwordConfirm" type="password" autoComplete="new-password" required />}
      </Field>
      <button className="btn btn-primary" type="submit" disabled={pending}>
        {pending ? "Creazione in corso…" : "Crea l'account"}
      </button>
    </form>
  );
}
