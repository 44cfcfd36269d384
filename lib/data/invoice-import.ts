import type { Tx } from "../db";
import type { Prisma } from "../generated/sqlite/client";
import { newId } from "./sts-worker-sql";

/** Rows per statement: a few hundred invoices keep each statement well inside both databases' parameter limits. */
const CHUNK = 250;

type ImportedInvoice = {
  invoice: Omit<Prisma.InvoiceUncheckedCreateInput, "id" | "lines">;
  lines: Array<Omit<Prisma.InvoiceLineUncheckedCreateInput, "id" | "invoiceId">>;
};

/**
 * Writes an import's invoices with their lines, a few hundred rows per statement (one statement per row made a
 * 2,000-row file take a minute on PostgreSQL), and returns their ids in the order given.
 */
export async function insertImportedInvoices(tx: Tx, rows: ImportedInvoice[]): Promise<string[]> {
  const ids = rows.map(() => newId());
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    await tx.invoice.createMany({ data: chunk.map((row, i) => ({ ...row.invoice, id: ids[start + i]! })) });
    await tx.invoiceLine.createMany({
      data: chunk.flatMap((row, i) => row.lines.map((line) => ({ ...line, invoiceId: ids[start + i]! }))),
    });
  }
  return ids;
}

/**
 * Raises the practitioner's counter of a series and year to at least `number` (never lowers it): after an import,
 * the next invoice issued takes the number after the highest imported one. CASE instead of MAX/GREATEST, which the
 * two providers spell differently.
 */
export async function raiseInvoiceCounter(
  tx: Tx,
  options: { practitionerId: string; series: string; year: number; number: number },
) {
  const { practitionerId, series, year, number } = options;
  await tx.$executeRaw`
    INSERT INTO "InvoiceCounter" ("practitionerId", "series", "year", "lastNumber")
    VALUES (${practitionerId}, ${series}, ${year}, ${number})
    ON CONFLICT ("practitionerId", "series", "year")
    DO UPDATE SET "lastNumber" = CASE
      WHEN "InvoiceCounter"."lastNumber" < ${number} THEN ${number} ELSE "InvoiceCounter"."lastNumber" END`;
}

export function findPatientIdsByCodiceFiscale(tx: Tx, practitionerId: string, codiciFiscali: string[]) {
  return tx.patient.findMany({
    where: { practitionerId, codiceFiscale: { in: codiciFiscali } },
  });
}
