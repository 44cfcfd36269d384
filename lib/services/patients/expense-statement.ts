import { AppError, notFound } from "../../app-error";
import type { Db, DbOrTx } from "../../db";
import { isoDate, MAX_DOCUMENT_YEAR, MIN_DOCUMENT_YEAR } from "../../domain/dates";
import { isPaymentMethod, type PaymentMethod } from "../../domain/payment";
import { findIssuerProfile } from "../../data/invoices";
import { findPaidDocumentRows } from "../../data/patient-invoices";
import { renderExpenseStatementPdf } from "../../pdf/expense-statement-pdf";
import { documentNumberLabel } from "../../presentation/invoices/labels";
import { issuerSnapshot, patientSnapshot } from "../invoices/snapshots";
import { getPatientOrThrow } from "./get-patient-or-throw";

export type ExpenseEntry = {
  invoiceId: string;
  kind: "invoice" | "credit_note";
  documentNumber: string;
  /** For a credit note, the number of the invoice it refunds. */
  creditedDocumentNumber: string | null;
  issueDate: string;
  paymentDate: string;
  paymentMethod: PaymentMethod | null;
  /** Positive for an invoice, negative for a credit note (a refund). */
  amountCents: number;
};

export type ExpenseYear = { year: number; totalCents: number; entries: ExpenseEntry[] };

type Scope = { db: DbOrTx; practitionerId: string; patientId: string };

// Health expenses belong to the year of payment (as for STS and the 730): paid, issued invoices count in full;
// an issued credit note is a refund on its own date and is subtracted, but only when the invoice it refunds was
// paid (crediting an unpaid invoice cancels a debt, it refunds nothing). Drafts and voided documents never count.
async function findPaidDocuments({ db, practitionerId, patientId }: Scope, year?: number): Promise<ExpenseEntry[]> {
  const rows = await findPaidDocumentRows(db, practitionerId, patientId, year);
  return rows.map((row) => ({
    invoiceId: row.id,
    kind: row.kind === "credit_note" ? "credit_note" : "invoice",
    documentNumber: documentNumberLabel(row),
    creditedDocumentNumber: row.creditedInvoice ? documentNumberLabel(row.creditedInvoice) : null,
    issueDate: row.issueDate,
    paymentDate: row.paymentDate,
    paymentMethod: row.paymentMethod && isPaymentMethod(row.paymentMethod) ? row.paymentMethod : null,
    amountCents: row.kind === "credit_note" ? -row.totalCents : row.totalCents,
  }));
}

function groupByPaymentYear(entries: ExpenseEntry[]): ExpenseYear[] {
  const years = new Map<number, ExpenseYear>();
  for (const entry of entries) {
    const year = Number(entry.paymentDate.slice(0, 4));
    const group = years.get(year) ?? { year, totalCents: 0, entries: [] };
    group.totalCents += entry.amountCents;
    group.entries.push(entry);
    years.set(year, group);
  }
  return [...years.values()].sort((a, b) => b.year - a.year);
}

async function requirePerson(scope: Scope) {
  const patient = await getPatientOrThrow(scope);
  // A company does not claim personal health expenses: it gets no statement.
  if (patient.kind === "company") {
    throw new AppError("validation", "Il riepilogo delle spese sanitarie è previsto solo per le persone fisiche.");
  }
  return patient;
}

/** Paid health expenses per payment year, newest year first; empty for a company. */
export async function summarizePatientExpenses(scope: Scope): Promise<ExpenseYear[]> {
  const patient = await getPatientOrThrow(scope);
  if (patient.kind === "company") return [];
  return groupByPaymentYear(await findPaidDocuments(scope));
}

/** The documents paid (and refunds issued) in one year, with their total. not_found when there are none. */
export async function getExpenseStatement(scope: Scope & { year: number }) {
  const patient = await requirePerson(scope);
  if (!Number.isInteger(scope.year) || scope.year < MIN_DOCUMENT_YEAR || scope.year > MAX_DOCUMENT_YEAR) {
    throw notFound("Anno non valido.");
  }
  const [statement] = groupByPaymentYear(await findPaidDocuments(scope, scope.year));
  if (!statement) throw notFound(`Nessuna spesa pagata nel ${scope.year} per questo paziente.`);
  return { patient, ...statement };
}

/** The signed one-page statement for the patient's tax return, as a PDF. */
export async function renderExpenseStatementPdfFor(options: Scope & { db: Db; year: number; now?: Date }) {
  const { patient, year, entries, totalCents } = await getExpenseStatement(options);
  const profile = await findIssuerProfile(options.db, options.practitionerId);
  if (!profile) throw new AppError("validation", "Completa il profilo prima di stampare il riepilogo.");
  const issuer = issuerSnapshot(profile);
  const pdf = await renderExpenseStatementPdf({
    year,
    issuer: { ...issuer, city: profile.city },
    patient: patientSnapshot(patient),
    entries,
    totalCents,
    date: isoDate(options.now ?? new Date()),
  });
  const slug = patientSnapshot(patient)
    .name.normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();
  return { pdf, fileName: `riepilogo-spese-${year}-${slug || "paziente"}.pdf` };
}
