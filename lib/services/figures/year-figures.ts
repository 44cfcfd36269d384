import type { DbOrTx } from "../../db";
import { findCashDocuments } from "../../data/figures";
import { findMailSettings } from "../../data/mail";
import { MAX_DOCUMENT_YEAR, MIN_DOCUMENT_YEAR } from "../../domain/dates";
import {
  computeYearFigures,
  DEFAULT_LIMITS,
  parseLimitBasis,
  type FiguresDocument,
  type LimitSettings,
  type YearFigures,
} from "../../domain/year-figures";
import { notFound } from "../../app-error";
import { documentNumberLabel } from "../../presentation/invoices/labels";

export type { YearFigures } from "../../domain/year-figures";

/** The practitioner's limits and what counts toward them (defaults: 85,000 € and 100,000 €, fees only). */
export async function getLimitSettings(db: DbOrTx, practitionerId: string): Promise<LimitSettings> {
  const settings = await findMailSettings(db, practitionerId);
  if (!settings) return DEFAULT_LIMITS;
  return {
    basis: parseLimitBasis(settings.limitBasis),
    lowerCents: settings.limitLowerCents,
    upperCents: settings.limitUpperCents,
  };
}

/**
 * The year's figures of one practitioner on a cash basis, with the documents they come from (for the exports).
 * The one entry point for any view of the figures (the figures page, its exports, an accountant's view).
 */
export async function getYearFigures(options: {
  db: DbOrTx;
  practitionerId: string;
  year: number;
  limits?: LimitSettings;
}): Promise<{ figures: YearFigures; documents: FiguresDocument[] }> {
  const { db, practitionerId, year } = options;
  if (!Number.isInteger(year) || year < MIN_DOCUMENT_YEAR || year > MAX_DOCUMENT_YEAR)
    throw notFound("Anno non valido.");
  const [rows, limits] = await Promise.all([
    findCashDocuments(db, practitionerId, year),
    options.limits ? Promise.resolve(options.limits) : getLimitSettings(db, practitionerId),
  ]);
  const documents: FiguresDocument[] = rows.map((row) => ({
    kind: row.kind === "credit_note" ? "credit_note" : "invoice",
    cashDate: row.paymentDate!,
    subtotalCents: row.subtotalCents,
    pensionFundCents: row.pensionFundCents,
    bolloChargedCents: row.bolloChargedToPatient ? row.bolloCents : 0,
    bolloIdentifier: row.bolloChargedToPatient ? row.bolloIdentifier : null,
    totalCents: row.totalCents,
    documentNumber: documentNumberLabel(row),
  }));
  return { figures: computeYearFigures(year, documents, limits), documents };
}
