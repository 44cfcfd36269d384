import Link from "@/components/ui/link";
import styles from "./patients.module.css";

type Props = { q: string; archived: boolean };

export function patientListHref({ q, archived, page }: { q?: string; archived?: boolean; page?: number }) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (archived) params.set("stato", "archiviati");
  if (page && page > 1) params.set("pagina", String(page));
  const query = params.toString();
  return query ? `/pazienti?${query}` : "/pazienti";
}

// A plain GET form: search works without JavaScript and the URL can be bookmarked.
export function PatientListControls({ q, archived }: Props) {
  return (
    <div className={styles.toolbar}>
      <form className={styles.search} role="search" action="/pazienti" method="get">
        {archived ? <input type="hidden" name="stato" value="archiviati" /> : null}
        <div className="field">
          <label htmlFor="q">Cerca per nome o codice fiscale</label>
          <input id="q" name="q" type="search" defaultValue={q} autoComplete="off" />
        </div>
        <button className="btn btn-secondary" type="submit">
          Cerca
        </button>
      </form>
      <nav className={styles.tabs} aria-label="Filtra i pazienti">
        <Link href={patientListHref({ q })} aria-current={archived ? undefined : "page"}>
          Attivi
        </Link>
        <Link href={patientListHref({ q, archived: true })} aria-current={archived ? "page" : undefined}>
          Archiviati
        </Link>
      </nav>
    </div>
  );
}

export function PatientPagination(props: {
  q: string;
  archived: boolean;
  page: number;
  pageCount: number;
  total: number;
}) {
  const { q, archived, page, pageCount, total } = props;
  if (pageCount <= 1) return null;
  return (
    <nav className={styles.pagination} aria-label="Pagine">
      <span>
        Pagina {page} di {pageCount} · {total} pazienti
      </span>
      {page > 1 ? (
        <Link className="btn btn-secondary" href={patientListHref({ q, archived, page: page - 1 })} rel="prev">
          ← Precedente
        </Link>
      ) : null}
      {page < pageCount ? (
        <Link className="btn btn-secondary" href={patientListHref({ q, archived, page: page + 1 })} rel="next">
          Successiva →
        </Link>
      ) : null}
    </nav>
  );
}
