import { AppError } from "../../app-error";
import type { Db } from "../../db";
import { formatCents } from "../../domain/money";
import { DEFAULT_STS_EXPENSE_TYPE, isStsExpenseType } from "../../domain/sts-expense-type";
import { addInvoiceEvent } from "../../data/invoices";
import { CreditNoteSchema } from "../../schemas/invoice";
import { parseInput } from "../../schemas/validation";
import { issueInvoiceInTx } from "./issue-invoice";
import { ownedInvoiceFor } from "./owned-invoice";
import { priceInvoice, pricingFromProfile, type PricedLineInput } from "./invoice-pricing";

// A credit note (own series, "NC n/yyyy") refunds an issued invoice in full or in part. It is issued at once; its
// payment date is its issue date (the refund), as STS requires for a rimborso (docs/STS-PROTOCOL.md §9).
export async function createCreditNote(options: {
  db: Db;
  practitionerId: string;
  actorId: string;
  invoiceId: string;
  input: unknown;
  now?: Date;
}) {
  const { db, practitionerId, actorId, invoiceId } = options;
  const input = parseInput(CreditNoteSchema, options.input);
  return db.$transaction(async (tx) => {
    const original = await ownedInvoiceFor(tx, practitionerId, invoiceId, {
      include: {
        lines: { orderBy: { position: "asc" } },
        creditNotes: { where: { status: "issued" }, select: { totalCents: true } },
      },
      refuse: (invoice) =>
        invoice.kind !== "invoice" || invoice.status !== "issued"
          ? "La nota di credito si emette solo su una fattura emessa e non annullata."
          : null,
    });
    if (input.issueDate < original.issueDate) {
      throw new AppError("validation", "Controlla i campi evidenziati.", {
        issueDate: ["La nota di credito non può precedere la fattura."],
      });
    }
    const pricing = pricingFromProfile(original);
    const mainType = original.lines[0]?.expenseType;
    const lines: PricedLineInput[] =
      input.mode === "full"
        ? original.lines.map((l) => ({
            ...l,
            expenseType: isStsExpenseType(l.expenseType) ? l.expenseType : DEFAULT_STS_EXPENSE_TYPE,
          }))
        : [
            {
              description: input.description,
              quantity: 1,
              unitPriceCents: input.amount,
              pensionFund: false,
              expenseType: mainType && isStsExpenseType(mainType) ? mainType : DEFAULT_STS_EXPENSE_TYPE,
            },
          ];
    const { lineRows, totals } = priceInvoice(lines, pricing);
    const alreadyCredited = original.creditNotes.reduce((sum, note) => sum + note.totalCents, 0);
    const creditable = original.totalCents - alreadyCredited;
    if (totals.totalCents > creditable) {
      throw new AppError("validation", "Controlla i campi evidenziati.", {
        [input.mode === "partial" ? "amount" : "_form"]: [
          `L'importo supera quello ancora stornabile della fattura (${formatCents(creditable)}).`,
        ],
      });
    }
    const note = await tx.invoice.create({
      data: {
        practitionerId,
        patientId: original.patientId,
        kind: "credit_note",
        status: "draft",
        issueDate: input.issueDate,
        paymentDate: input.issueDate,
        paymentMethod: original.paymentMethod,
        opposition: original.opposition,
        creditedInvoiceId: original.id,
        ...totals,
        lines: { create: lineRows },
      },
    });
    const issued = await issueInvoiceInTx(tx, {
      practitionerId,
      actorId,
      invoiceId: note.id,
      now: options.now ?? new Date(),
    });
    await addInvoiceEvent(tx, {
      invoiceId: original.id,
      practitionerId,
      actorId,
      action: "credit_note",
      changes: { creditNote: [null, issued.id], totalCents: [null, issued.totalCents] },
    });
    return issued;
  });
}
