import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { RegisterForm } from "@/components/auth/register-form";
import { optionalPractitioner } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Registrati" };

export default async function RegisterPage() {
  if (await optionalPractitioner()) redirect("/");
  return (
    <main className="auth">
      <div className="card">
        <span className="brand">Parcella</span>
        <p className="tagline">Crea il tuo account professionale</p>
        <h1>Registrati</h1>
        <RegisterForm />
        <p>
          Hai già un account? <Link href="/login">Accedi</Link>
        </p>
      </div>
    </main>
  );
}
