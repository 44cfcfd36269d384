import { SUBMISSION_OUTCOME_FILTERS, type SubmissionFilters } from "@/lib/schemas/submission-filters";
import { submissionOutcomeLabel, triggerLabel } from "@/lib/presentation/sts-log/labels";
import styles from "./sts-log.module.css";

// A plain GET form: the filters live in the URL.
export function SubmissionFiltersForm({ filters }: { filters: SubmissionFilters }) {
  return (
    <form className={styles.filters} method="get" role="search" aria-label="Filtra gli invii">
      <div className="field">
        <label htmlFor="f-trigger">Tipo di invio</label>
        <select id="f-trigger" name="trigger" defaultValue={filters.trigger ?? ""}>
          <option value="">Tutti</option>
          <option value="manual">{triggerLabel("manual")}</option>
          <option value="automatic">{triggerLabel("automatic")}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-outcome">Esito</label>
        <select id="f-outcome" name="outcome" defaultValue={filters.outcome ?? ""}>
          <option value="">Tutti</option>
          {SUBMISSION_OUTCOME_FILTERS.map((o) => (
            <option key={o} value={o}>
              {submissionOutcomeLabel(o)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn btn-secondary">
        Applica
      </button>
    </form>
  );
}
