import Link from "@/components/ui/link";

export default function PazienteNonTrovato() {
  return (
    <>
      <h1>Paziente non trovato</h1>
      <div className="card empty">
        <p>Questo paziente non esiste o non fa parte del tuo archivio.</p>
        <p>
          <Link href="/pazienti">Torna all&apos;elenco dei pazienti</Link>
        </p>
      </div>
    </>
  );
}
