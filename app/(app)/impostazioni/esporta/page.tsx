import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { ExportPanel } from "@/components/export/export-panel";
import { requirePractitionerPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { EXPORT_VALID_HOURS, getLatestExport } from "@/lib/services/export/run-export";

export const metadata: Metadata = { title: "Esporta tutti i dati" };

export default async function EsportaPage() {
  const practitioner = await requirePractitionerPage();
  const latest = await getLatestExport({ db: db(), practitionerId: practitioner.id });
  return (
    <>
      <p>
        <Link href="/impostazioni">← Impostazioni</Link>
      </p>
      <h1>Esporta tutti i dati</h1>
      <p>
        Un unico file ZIP con tutto ciò che hai in Parcella: pazienti, fatture e note di credito (CSV e JSON), il PDF di
        ogni documento, gli invii al Sistema Tessera Sanitaria con ricevute e file degli errori, le impostazioni (senza
        password né PIN) e un indice di tutti i file. Viene preparato in background; puoi scaricarlo per{" "}
        {EXPORT_VALID_HOURS} ore.
      </p>
      <ExportPanel latest={latest} />
    </>
  );
}
