import type { Db } from "../../db";
import { addInvoiceEvent } from "../../data/invoices";
import { VoidSchema } from "../../schemas/invoice";
import { parseInput } from "../../schemas/validation";
import { refreshStsState } from "../sts/refresh-sts-state";
import { ownedInvoiceFor } from "./owned-invoice";

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
    await ownedInvoiceFor(tx, practitionerId, invoiceId, {
      include: { creditNotes: { where: { status: "issued" }, select: { id: true } } },
      refuse: (invoice) =>
        invoice.status !== "issued"
          ? "Si possono annullare solo documenti emessi."
          : invoice.creditNotes.length > 0
            ? "La fattura ha note di credito emesse: annulla prima quelle."
            : null,
    });
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
