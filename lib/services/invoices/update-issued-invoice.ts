import { AppError } from "../../app-error";
import type { Db } from "../../db";
import { addInvoiceEvent } from "../../data/invoices";
import { InvoiceFormSchema } from "../../schemas/invoice";
import { parseInput } from "../../schemas/validation";
import { assertChronologicalOrder } from "./chronology";
import { diffInvoice, touchesSts } from "./invoice-changes";
import { writeInvoiceContent } from "./invoice-content";
import { pricingFromProfile } from "./invoice-pricing";
import { patientSnapshot } from "./snapshots";
import { refreshStsState } from "../sts/refresh-sts-state";
import { parseStsRecord } from "../sts/sts-view";
import { isIdentityLocked } from "../../domain/sts/record";
import { assertDocumentDates } from "./document-dates";
import { ownedInvoiceFor } from "./owned-invoice";

export const LOCKED_DATE_MESSAGE =
  "Il Sistema TS ha già ricevuto questa fattura: numero e data non si possono più cambiare. Per correggerli usa «Annulla e riemetti».";

// An issued document stays editable: every change is recorded (who, when, what), and a change to what STS holds
// bumps the content version, which makes the document due for a variazione. Its number belongs to its year, so
// the year cannot change (a credit note and a new invoice do that). Once STS holds the document (or may hold it),
// its date is part of its identity there and is locked: reissueInvoice corrects it.
export async function updateIssuedInvoice(options: {
  db: Db;
  practitionerId: string;
  actorId: string;
  invoiceId: string;
  input: unknown;
  now?: Date;
}) {
  const { db, practitionerId, actorId, invoiceId } = options;
  const form = parseInput(InvoiceFormSchema, options.input);
  return db.$transaction(async (tx) => {
    const before = await ownedInvoiceFor(tx, practitionerId, invoiceId, {
      include: { lines: { orderBy: { position: "asc" } } },
      refuse: (invoice) =>
        invoice.status !== "issued"
          ? "Si possono modificare solo documenti emessi e non annullati."
          : invoice.kind !== "invoice"
            ? "Una nota di credito emessa non si modifica: annullala e creane un'altra."
            : null,
    });
    if (form.issueDate !== before.issueDate && isIdentityLocked(parseStsRecord(before.stsRecord))) {
      throw new AppError("validation", "Controlla i campi evidenziati.", { issueDate: [LOCKED_DATE_MESSAGE] });
    }
    if (Number(form.issueDate.slice(0, 4)) !== before.year) {
      throw new AppError("validation", "Controlla i campi evidenziati.", {
        issueDate: [`La data deve restare nel ${before.year}: il numero appartiene a quell'anno.`],
      });
    }
    assertDocumentDates(form, options.now ?? new Date());
    if (form.issueDate !== before.issueDate) {
      await assertChronologicalOrder(tx, {
        practitionerId,
        kind: before.kind,
        year: before.year!,
        number: before.number,
        issueDate: form.issueDate,
      });
    }
    // Issued documents keep the pension fund rate, bollo policy and regime they were issued with.
    const after = await writeInvoiceContent(tx, {
      practitionerId,
      invoiceId,
      form,
      pricing: pricingFromProfile(before),
    });
    const changes = diffInvoice(before, after);
    if (Object.keys(changes).length === 0) return after;
    const updated = await tx.invoice.update({
      where: { id: invoiceId },
      data: {
        contentVersion: touchesSts(changes) ? { increment: 1 } : undefined,
        patientSnapshot: changes.patientId ? JSON.stringify(patientSnapshot(after.patient)) : undefined,
      },
    });
    await addInvoiceEvent(tx, { invoiceId, practitionerId, actorId, action: "updated", changes });
    await refreshStsState(tx, { practitionerId, invoiceIds: [invoiceId] });
    return updated;
  });
}
