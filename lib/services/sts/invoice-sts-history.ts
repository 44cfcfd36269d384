import type { DbOrTx } from "../../db";

// The transmissions a document was part of, newest first (the invoice's "Storico invii").
export function invoiceStsHistory(options: { db: DbOrTx; practitionerId: string; invoiceId: string }) {
  return options.db.stsSubmissionDocument.findMany({
    where: { invoiceId: options.invoiceId, practitionerId: options.practitionerId },
    include: {
      submission: {
        select: { id: true, createdAt: true, trigger: true, channel: true, protocollo: true, status: true },
      },
    },
    orderBy: { submission: { createdAt: "desc" } },
    take: 50,
  });
}
