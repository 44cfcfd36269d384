// The pages an accountant may open while looking at a practice (read-only: invoices and credit notes, the STS
// log with its receipts, the year's figures). The app's layout sends every other page to /commercialista before it renders, so the
// refusal is a real redirect even where a loading boundary would stream the page's own redirect as a 200; each of
// these pages still checks the session itself (requireReaderPage), and every other one refuses on its own too
// (requirePractitionerPage).
const ACCOUNTANT_PAGES = [
  /^\/fatture$/,
  /^\/fatture\/(?!nuova$)[^/]+$/,
  /^\/invii$/,
  /^\/invii\/(?!verifica$|segnalazioni$)[^/]+$/,
  /^\/cifre$/,
];

export function isAccountantPage(path: string): boolean {
  const pathname = path.split(/[?#]/)[0].replace(/\/+$/, "") || "/";
  return ACCOUNTANT_PAGES.some((pattern) => pattern.test(pathname));
}
