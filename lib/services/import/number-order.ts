import type { DbOrTx } from "../../db";
import { formatItalianDate } from "../../domain/dates";

type Candidate = { line: number; year: number; number: number; issueDate: string };
type Numbered = { year: number; number: number; issueDate: string; line: number | null };

/**
 * Numbers of imported invoices against the file and the practitioner's documents: an invoice already there with the
 * same number and date is the same document (imported before: left unchanged, so importing again changes nothing);
 * the same number with another date is a different document and is refused; within a year the dates must follow the
 * numbers, as for the invoices Parcella issues.
 */
export async function checkNumberOrder<T extends Candidate>(db: DbOrTx, practitionerId: string, candidates: T[]) {
  const errors: { line: number; message: string }[] = [];
  const years = [...new Set(candidates.map((c) => c.year))];
  const existing = await db.invoice.findMany({
    where: { practitionerId, kind: "invoice", year: { in: years }, number: { not: null } },
    select: { year: true, number: true, issueDate: true, status: true },
  });
  const byKey = new Map(existing.map((e) => [`${e.year}/${e.number}`, e]));
  const seen = new Map<string, number>();
  const fresh: T[] = [];
  const unchanged: T[] = [];
  for (const candidate of candidates) {
    const key = `${candidate.year}/${candidate.number}`;
    const label = `${candidate.number}/${candidate.year}`;
    const twin = seen.get(key);
    if (twin !== undefined) {
      errors.push({ line: candidate.line, message: `Numero: ${label} è già nella riga ${twin} del file` });
      continue;
    }
    seen.set(key, candidate.line);
    const stored = byKey.get(key);
    if (!stored) fresh.push(candidate);
    else if (stored.issueDate === candidate.issueDate) unchanged.push(candidate);
    else {
      const date = formatItalianDate(stored.issueDate);
      errors.push({ line: candidate.line, message: `Numero: ${label} esiste già, con data ${date}` });
    }
  }

  const numbered: Numbered[] = [
    ...existing
      .filter((e) => e.status !== "void")
      .map((e) => ({ year: e.year!, number: e.number!, issueDate: e.issueDate, line: null })),
    ...fresh,
  ].sort((a, b) => a.year - b.year || a.number - b.number);
  for (let i = 1; i < numbered.length; i++) {
    const previous = numbered[i - 1]!;
    const current = numbered[i]!;
    if (previous.year !== current.year || previous.issueDate <= current.issueDate) continue;
    // The new document is the one at fault; between two existing ones there is nothing to import.
    const culprit = current.line !== null ? current : previous.line !== null ? previous : null;
    if (!culprit) continue;
    const other = culprit === current ? previous : current;
    const relation = culprit === current ? "precedente a" : "successiva a";
    errors.push({
      line: culprit.line!,
      message: `Data: ${formatItalianDate(culprit.issueDate)} è ${relation} quella della fattura ${other.number}/${other.year} (${formatItalianDate(other.issueDate)}): i numeri devono seguire le date`,
    });
  }
  const bad = new Set(errors.map((e) => e.line));
  return { errors, fresh: fresh.filter((c) => !bad.has(c.line)), unchanged };
}
