import { AppError, notFound } from "../../app-error";
import type { DbOrTx } from "../../db";
import type { Prisma } from "../../generated/sqlite/client";

export type OwnedInvoice<I extends Prisma.InvoiceInclude> = Prisma.InvoiceGetPayload<{ include: I }>;

/**
 * The practitioner's own document that a change is about, read inside the change's transaction. Ownership is the
 * query itself: another practitioner's document is "not found", like one that does not exist. `refuse` says why
 * the change does not apply to this document (voided, a credit note…); its message is the conflict shown.
 */
export async function ownedInvoiceFor<I extends Prisma.InvoiceInclude = Record<never, never>>(
  db: DbOrTx,
  practitionerId: string,
  invoiceId: string,
  options: { include?: I; refuse?: (invoice: OwnedInvoice<I>) => string | null | undefined } = {},
): Promise<OwnedInvoice<I>> {
  const invoice = (await db.invoice.findFirst({
    where: { id: invoiceId, practitionerId },
    include: options.include,
  })) as OwnedInvoice<I> | null;
  if (!invoice) throw notFound("Fattura non trovata.");
  const refusal = options.refuse?.(invoice);
  if (refusal) throw new AppError("conflict", refusal);
  return invoice;
}
