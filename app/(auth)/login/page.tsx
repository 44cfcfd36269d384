import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { LoginForm } from "@/components/auth/login-form";
import { optionalPractitioner } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Accedi" };

export default async function LoginPage() {
  if (await optionalPractitioner()) redirect("/");
  return (
    <main className="auth">
      <div className="card">
        <span className="brand">Parcella</span>
        <p className="tagline">Fatture sanitarie e invio al Sistema Tessera Sanitaria</p>
        <h1>Accedi</h1>
        <Suspense>
          <LoginForm />
        </Suspense>
        <p>
          Non hai un account? <Link href="/registrazione">Registrati</Link>
        </p>
      </div>
    </main>
  );
}
