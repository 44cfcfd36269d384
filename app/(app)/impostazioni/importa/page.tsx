import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { ImportWizard } from "@/components/import/import-wizard";
import { requirePractitionerPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Importa dati" };

export default async function ImportaPage() {
  await requirePractitionerPage();
  return (
    <>
      <p>
        <Link href="/impostazioni">← Impostazioni</Link>
      </p>
      <h1>Importa pazienti e fatture</h1>
      <p>
        Carica un file CSV o XLSX esportato dal programma che usavi o un tuo foglio di calcolo: una riga per fattura,
        oppure un elenco di pazienti. Prima dell&apos;importazione vedi l&apos;anteprima e gli eventuali errori riga per
        riga; finché c&apos;è un errore non viene importato nulla. Le fatture mantengono numero e data, e importare di
        nuovo lo stesso file non crea doppioni.
      </p>
      <ImportWizard />
    </>
  );
}
