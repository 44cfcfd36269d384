import { AppError, notFound } from "../../app-error";
import type { Db } from "../../db";
import { addInvoiceEvent } from "../../data/invoices";
import { PaymentSchema } from "../../schemas/invoice";
import { parseInput } from "../../schemas/validation";
import { refreshStsState } from "../sts/refresh-sts-state";
import { isAdvancePayment } from "../../domain/invoice-dates";
import { assertDocumentDates } from "./document-dates";

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
    const invoice = await tx.invoice.findFirst({ where: { id: invoiceId, practitionerId } });
    if (!invoice) throw notFound("Fattura non trovata.");
    if (invoice.kind !== "invoice" || invoice.status === "void") {
      throw new AppError("conflict", "Il pagamento si registra solo su fatture non annullate.");
    }
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
