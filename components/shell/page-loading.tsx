// Shown in the main area while a page waits for its data: the shell stays, the content is a quiet placeholder that
// screen readers announce once.
export function PageLoading() {
  return (
    <div className="page-loading" role="status" aria-live="polite" data-testid="page-loading">
      <span className="visually-hidden">Caricamento in corso…</span>
      <div className="page-loading-title" aria-hidden="true" />
      <div className="card" aria-hidden="true">
        <div className="page-loading-line" />
        <div className="page-loading-line" />
        <div className="page-loading-line page-loading-line-short" />
      </div>
    </div>
  );
}
