import type { Metadata } from "next";
import { requirePractitionerPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Invii STS" };

export default async function InviiPage() {
  await requirePractitionerPage();
  return (
    <>
      <h1>Invii STS</h1>
      <div className="card empty">
        <p>Nessun invio al Sistema Tessera Sanitaria finora.</p>
      </div>
    </>
  );
}
