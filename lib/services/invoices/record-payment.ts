import type { Db } from "../../db";
import { addInvoiceEvent } from "../../data/invoices";
import { PaymentSchema } from "../../schemas/invoice";
import { parseInput } from "../../schemas/validation";
import { refreshStsState } from "../sts/refresh-sts-state";
import { isAdvancePayment } from "../../domain/invoice-dates";
import { assertDocumentDates } from "./document-dates";
import { ownedInvoiceFor } from "./owned-invoice";

// Records (or corrects) the payment of an invoice. The payment date decides the STS tax year.
export async function recordPayment(options: {
  db: Db;
  practitionerId: string;
  actorId: string;
  invoiceId: string;
  input: unknown;
  now?: Date;
}) {
  const { db, practitionerId, actorId, invoiceId } = options;
  const payment = parseInput(PaymentSchema, options.input);
  return db.$transaction(async (tx) => {
    const invoice = await ownedInvoiceFor(tx, practitionerId, invoiceId, {
      refuse: (found) =>
        found.kind !== "invoice" || found.status === "void"
          ? "Il pagamento si registra solo su fatture non annullate."
          : null,
    });
    assertDocumentDates({ issueDate: invoice.issueDate, ...payment }, options.now ?? new Date());
    const paidInAdvance = isAdvancePayment({ issueDate: invoice.issueDate, paymentDate: payment.paymentDate });
    if (
      invoice.paymentDate === payment.paymentDate &&
      invoice.paymentMethod === payment.paymentMethod &&
      invoice.paidInAdvance === paidInAdvance
    )
      return invoice;
    const updated = await tx.invoice.update({
      where: { id: invoiceId },
      data: {
        paymentDate: payment.paymentDate,
        paymentMethod: payment.paymentMethod,
        paidInAdvance,
        contentVersion: invoice.status === "issued" ? { increment: 1 } : undefined,
      },
    });
    await addInvoiceEvent(tx, {
      invoiceId,
      practitionerId,
      actorId,
      action: "paid",
      changes: {
        paymentDate: [invoice.paymentDate, payment.paymentDate],
        paymentMethod: [invoice.paymentMethod, payment.paymentMethod],
      },
    });
    await refreshStsState(tx, { practitionerId, invoiceIds: [invoiceId] });
    return updated;
  });
}
