import type { Metadata } from "next";
import { requirePractitionerPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Impostazioni" };

export default async function ImpostazioniPage() {
  await requirePractitionerPage();
  return (
    <>
      <h1>Impostazioni</h1>
      <div className="card empty">
        <p>Qui configurerai profilo e credenziali del Sistema Tessera Sanitaria.</p>
      </div>
    </>
  );
}
