import { AppError, notFound } from "../../app-error";
import type { Db } from "../../db";

// Only drafts can be deleted: an issued document keeps its number forever (it can be voided or credited).
export async function deleteDraft(options: { db: Db; practitionerId: string; invoiceId: string }) {
  const { db, practitionerId, invoiceId } = options;
  return db.$transaction(async (tx) => {
    const invoice = await tx.invoice.findFirst({ where: { id: invoiceId, practitionerId }, select: { status: true } });
    if (!invoice) throw notFound("Fattura non trovata.");
    if (invoice.status !== "draft")
      throw new AppError("conflict", "Un documento emesso non si elimina: puoi annullarlo.");
    await tx.invoice.delete({ where: { id: invoiceId } });
  });
}
