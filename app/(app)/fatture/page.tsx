import type { Metadata } from "next";
import { requirePractitionerPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Fatture" };

export default async function FatturePage() {
  await requirePractitionerPage();
  return (
    <>
      <h1>Fatture</h1>
      <div className="card empty">
        <p>Non hai ancora emesso fatture.</p>
      </div>
    </>
  );
}
