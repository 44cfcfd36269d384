import type { DbOrTx } from "../db";
import type { Prisma } from "../generated/sqlite/client";

// What the STS services need of an invoice: its data, lines, patient and the original it refunds.
export const stsInvoiceInclude = {
  lines: { orderBy: { position: "asc" } },
  patient: { select: { id: true, kind: true, foreign: true, codiceFiscale: true } },
  creditedInvoice: { select: { id: true, kind: true, number: true, year: true, issueDate: true, stsRecord: true, issuerSnapshot: true } },
} as const;

export type StsInvoice = Prisma.InvoiceGetPayload<{ include: typeof stsInvoiceInclude }>;

export function findStsInvoices(db: DbOrTx, practitionerId: string, where: Prisma.InvoiceWhereInput = {}, take?: number) {
  return db.invoice.findMany({
    where: { ...where, practitionerId },
    include: stsInvoiceInclude,
    orderBy: [{ issueDate: "asc" }, { number: "asc" }],
    take,
  });
}

// Claims a document: the update only happens if nobody changed its STS record since we read it (revision check),
// which is how several workers and web instances agree on who sends it.
export async function updateStsRecordIfUnchanged(
  db: DbOrTx,
  invoice: { id: string; practitionerId: string; stsRecordRev: number },
  data: { stsRecord: string; stsState: string; stsReason: string | null },
): Promise<boolean> {
  const { count } = await db.invoice.updateMany({
    where: { id: invoice.id, practitionerId: invoice.practitionerId, stsRecordRev: invoice.stsRecordRev },
    data: { ...data, stsRecordRev: invoice.stsRecordRev + 1 },
  });
  return count === 1;
}
