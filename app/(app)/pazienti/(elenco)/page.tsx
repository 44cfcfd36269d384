import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { PatientListControls, PatientPagination } from "@/components/patients/patient-list-controls";
import { PatientTable } from "@/components/patients/patient-table";
import { requirePractitionerPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listPatients } from "@/lib/services/patients/list-patients";

export const metadata: Metadata = { title: "Pazienti" };

type SearchParams = Promise<{ q?: string | string[]; stato?: string | string[]; pagina?: string | string[] }>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export default async function PazientiPage({ searchParams }: { searchParams: SearchParams }) {
  const practitioner = await requirePractitionerPage();
  const params = await searchParams;
  const q = first(params.q).trim().slice(0, 100);
  const archived = first(params.stato) === "archiviati";
  const list = await listPatients({
    db: db(),
    practitionerId: practitioner.id,
    q,
    archived,
    page: Number(first(params.pagina)) || 1,
  });

  return (
    <>
      <div className="page-head">
        <h1>Pazienti</h1>
        <Link className="btn btn-primary" href="/pazienti/nuovo">
          Nuovo paziente
        </Link>
      </div>
      <PatientListControls q={q} archived={archived} />
      {list.total === 0 ? (
        <div className="card empty">
          <p>{emptyText(q, archived)}</p>
        </div>
      ) : (
        <>
          <PatientTable patients={list.patients} />
          <PatientPagination q={q} archived={archived} page={list.page} pageCount={list.pageCount} total={list.total} />
        </>
      )}
    </>
  );
}

function emptyText(q: string, archived: boolean) {
  if (q) return `Nessun paziente ${archived ? "archiviato " : ""}corrisponde a “${q}”.`;
  return archived ? "Non ci sono pazienti archiviati." : "Non hai ancora registrato pazienti.";
}
