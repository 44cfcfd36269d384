import { AppError, notFound } from "../../app-error";
import type { Db } from "../../db";
import { addInvoiceEvent } from "../../data/invoices";
import { VoidSchema } from "../../schemas/invoice";
import { parseInput } from "../../schemas/validation";
import { refreshStsState } from "../sts/refresh-sts-state";

// Voiding keeps the document and its number (numbering has no gaps); STS gets a cancellazione if it holds it.
export async function voidInvoice(options: {
  db: Db;
  practitionerId: string;
  actorId: string;
  invoiceId: string;
  input: unknown;
  now?: Date;
}) {
  const { db, practitionerId, actorId, invoiceId } = options;
  const { reason } = parseInput(VoidSchema, options.input);
  return db.$transaction(async (tx) => {
    const invoice = await tx.invoice.findFirst({
      where: { id: invoiceId, practitionerId },
      include: { creditNotes: { where: { status: "issued" }, select: { id: true } } },
    });
    if (!invoice) throw notFound("Fattura non trovata.");
    if (invoice.status !== "issued") throw new AppError("conflict", "Si possono annullare solo documenti emessi.");
    if (invoice.creditNotes.length > 0) {
      throw new AppError("conflict", "La fattura ha note di credito emesse: annulla prima quelle.");
    }
    const updated = await tx.invoice.update({
      where: { id: invoiceId },
      data: {
        status: "void",
        voidedAt: options.now ?? new Date(),
        voidReason: reason,
        contentVersion: { increment: 1 },
      },
    });
    await addInvoiceEvent(tx, {
      invoiceId,
      practitionerId,
      actorId,
      action: "voided",
      changes: { reason: [null, reason] },
    });
    await refreshStsState(tx, { practitionerId, invoiceIds: [invoiceId], now: options.now });
    return updated;
  });
}
