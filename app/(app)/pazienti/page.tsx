import type { Metadata } from "next";
import { requirePractitionerPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Pazienti" };

export default async function PazientiPage() {
  await requirePractitionerPage();
  return (
    <>
      <h1>Pazienti</h1>
      <div className="card empty">
        <p>Non hai ancora registrato pazienti.</p>
      </div>
    </>
  );
}
