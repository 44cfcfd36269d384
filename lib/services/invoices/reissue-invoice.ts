import type { Db } from "../../db";
import { addInvoiceEvent } from "../../data/invoices";
import { InvoiceFormSchema } from "../../schemas/invoice";
import { parseInput } from "../../schemas/validation";
import { refreshStsState } from "../sts/refresh-sts-state";
import { assertDocumentDates } from "./document-dates";
import { writeInvoiceContent } from "./invoice-content";
import { pricingFromProfile } from "./invoice-pricing";
import { issueInvoiceInTx } from "./issue-invoice";
import { invoiceIdentityLock } from "./identity-lock";
import { documentNumberLabel } from "../../presentation/invoices/labels";
import { ownedInvoiceFor } from "./owned-invoice";

/**
 * "Annulla e riemetti": the way to correct the number or the date of an invoice STS already holds, where they are
 * its identity (docs/STS-TRANSMISSION.md). In one transaction the invoice is voided (STS gets a cancellazione)
 * and a new invoice with the corrected data is issued with the next number of its year, linked to the voided one
 * (replacesInvoiceId); the voided number is never reused. The two are sent together afterwards: "Invia ora" on
 * either sends both, the hourly run puts them in the same batch, whatever the automatic minimum date.
 */
export async function reissueInvoice(options: {
  db: Db;
  practitionerId: string;
  actorId: string;
  invoiceId: string;
  input: unknown;
  now?: Date;
}) {
  const { db, practitionerId, actorId, invoiceId } = options;
  const now = options.now ?? new Date();
  const form = parseInput(InvoiceFormSchema, options.input);
  assertDocumentDates(form, now);
  return db.$transaction(async (tx) => {
    const old = await ownedInvoiceFor(tx, practitionerId, invoiceId, {
      include: { creditNotes: { select: { status: true } } },
      refuse: (invoice) => invoiceIdentityLock(invoice).reissueBlocked,
    });
    // Voided first: its date (often the wrong one being corrected) must not constrain the new number's date.
    await tx.invoice.update({
      where: { id: old.id },
      data: { status: "void", voidedAt: now, contentVersion: { increment: 1 } },
    });
    const created = await tx.invoice.create({
      data: { practitionerId, patientId: old.patientId, issueDate: form.issueDate, replacesInvoiceId: old.id },
      select: { id: true },
    });
    await addInvoiceEvent(tx, {
      invoiceId: created.id,
      practitionerId,
      actorId,
      action: "created",
      changes: { replaces: [null, old.id] },
    });
    // The new invoice keeps the pension fund rate, bollo policy and regime the voided one was issued with.
    await writeInvoiceContent(tx, { practitionerId, invoiceId: created.id, form, pricing: pricingFromProfile(old) });
    const issued = await issueInvoiceInTx(tx, { practitionerId, actorId, invoiceId: created.id, now });
    const reason = `Annullata e riemessa come fattura n. ${documentNumberLabel(issued)}`;
    await tx.invoice.update({ where: { id: old.id }, data: { voidReason: reason } });
    await addInvoiceEvent(tx, {
      invoiceId: old.id,
      practitionerId,
      actorId,
      action: "reissued",
      changes: { replacedBy: [null, issued.id], reason: [null, reason] },
    });
    await refreshStsState(tx, { practitionerId, invoiceIds: [old.id, issued.id], now });
    return { voidedId: old.id, issued };
  });
}
