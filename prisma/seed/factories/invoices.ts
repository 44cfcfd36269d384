import type { Db } from "../../../lib/db";
import type { InvoiceFormInput } from "../../../lib/schemas/invoice";
import { saveInvoiceDraft } from "../../../lib/services/invoices/save-invoice-draft";

export type TestInvoiceOptions = Partial<InvoiceFormInput> & { patientId: string; issue?: boolean };

export const SESSION_LINE = {
  description: "Colloquio psicologico individuale",
  quantity: 1,
  unitPrice: "70,00",
  expenseType: "SP" as const,
  pensionFund: true,
};

/** An invoice saved and (by default) issued through the same services as the invoice form. */
export async function createTestInvoice(db: Db, practitionerId: string, options: TestInvoiceOptions) {
  const { issue = true, ...input } = options;
  return saveInvoiceDraft({
    db,
    practitionerId,
    actorId: practitionerId,
    input: { issueDate: "2026-03-10", lines: [SESSION_LINE], opposition: false, ...input },
    issue,
  });
}
