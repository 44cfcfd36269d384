import { AppError, notFound } from "../../app-error";
import type { Db } from "../../db";
import { addInvoiceEvent } from "../../data/invoices";
import { isIdentityLocked } from "../../domain/sts/record";
import { InvoiceFormSchema } from "../../schemas/invoice";
import { parseInput } from "../../schemas/validation";
import { refreshStsState } from "../sts/refresh-sts-state";
import { parseStsRecord } from "../sts/sts-view";
import { assertDocumentDates } from "./document-dates";
import { writeInvoiceContent } from "./invoice-content";
import { pricingFromProfile } from "./invoice-pricing";
import { issueInvoiceInTx } from "./issue-invoice";
import { documentNumberLabel } from "./labels";

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
    const old = await tx.invoice.findFirst({
      where: { id: invoiceId, practitionerId },
      include: { creditNotes: { where: { status: "issued" }, select: { id: true } } },
    });
    if (!old) throw notFound("Fattura non trovata.");
    if (old.kind !== "invoice" || old.status !== "issued") {
      throw new AppError("conflict", "Si può annullare e riemettere solo una fattura emessa e non annullata.");
    }
    if (old.creditNotes.length > 0) {
      throw new AppError("conflict", "La fattura ha note di credito emesse: annulla prima quelle.");
    }
    const record = parseStsRecord(old.stsRecord);
    if (!isIdentityLocked(record)) {
      throw new AppError(
        "conflict",
        "Il Sistema TS non ha ancora questa fattura: correggi la data direttamente nel modulo e salva.",
      );
    }
    if (record.phase === "sending" || record.phase === "awaiting_outcome" || record.phase === "uncertain") {
      throw new AppError(
        "conflict",
        "È in corso un invio al Sistema TS per questa fattura: attendi l'esito (pochi minuti) e riprova.",
      );
    }
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
