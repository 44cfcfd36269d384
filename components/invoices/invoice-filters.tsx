import type { InvoiceFilters } from "@/lib/schemas/invoice-filters";
import { STS_STATES, stsStateLabel } from "@/lib/domain/sts/status";
import styles from "./invoices.module.css";

// A plain GET form: filters live in the URL, so they survive reloads and can be bookmarked.
export function InvoiceFiltersForm({ filters, years }: { filters: InvoiceFilters; years: number[] }) {
  return (
    <form className={styles.filters} method="get" role="search" aria-label="Filtra le fatture">
      <div className="field">
        <label htmlFor="f-q">Cerca</label>
        <input id="f-q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder="Paziente o numero" />
      </div>
      <div className="field">
        <label htmlFor="f-year">Anno</label>
        <select id="f-year" name="year" defaultValue={filters.year ?? ""}>
          <option value="">Tutti</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-status">Stato</label>
        <select id="f-status" name="status" defaultValue={filters.status ?? ""}>
          <option value="">Tutti</option>
          <option value="draft">Bozze</option>
          <option value="issued">Emesse</option>
          <option value="void">Annullate</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-paid">Pagamento</label>
        <select id="f-paid" name="paid" defaultValue={filters.paid ?? ""}>
          <option value="">Tutte</option>
          <option value="paid">Pagate</option>
          <option value="unpaid">Da pagare</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-sts">Stato STS</label>
        <select id="f-sts" name="sts" defaultValue={filters.sts ?? ""}>
          <option value="">Tutti</option>
          {STS_STATES.map((s) => (
            <option key={s} value={s}>
              {stsStateLabel(s)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-sort">Ordina per</label>
        <select id="f-sort" name="sort" defaultValue={filters.sort}>
          <option value="date">Data</option>
          <option value="number">Numero</option>
          <option value="total">Totale</option>
          <option value="patient">Paziente</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-dir">Verso</label>
        <select id="f-dir" name="dir" defaultValue={filters.dir}>
          <option value="desc">Decrescente</option>
          <option value="asc">Crescente</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-size">Per pagina</label>
        <select id="f-size" name="size" defaultValue={String(filters.size)}>
          <option value="25">25</option>
          <option value="50">50</option>
          <option value="100">100</option>
        </select>
      </div>
      <button type="submit" className="btn btn-secondary">
        Applica
      </button>
    </form>
  );
}
