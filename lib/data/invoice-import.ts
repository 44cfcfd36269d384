import type { Tx } from "../db";

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
