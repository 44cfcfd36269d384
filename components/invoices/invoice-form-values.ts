import { isoDate } from "@/lib/domain/dates";
import { formatCents } from "@/lib/domain/money";
import { isStsExpenseType } from "@/lib/domain/sts-expense-type";
import type { InvoiceWithDetails } from "@/lib/data/invoices";
import { patientDisplayName } from "@/lib/presentation/patients/patient-display-name";
import type { InvoiceFormValues } from "./invoice-form";
import { newLine } from "./line-values";

type PatientLike = {
  id: string;
  kind: string;
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  codiceFiscale: string | null;
  opposesSts: boolean;
};

export function pickedPatient(p: PatientLike) {
  return { id: p.id, name: patientDisplayName(p), codiceFiscale: p.codiceFiscale, opposesSts: p.opposesSts };
}

export function emptyInvoiceFormValues(options: {
  patient: PatientLike | null;
  now: Date;
  defaultExpenseType: string;
}): InvoiceFormValues {
  const expenseType = isStsExpenseType(options.defaultExpenseType) ? options.defaultExpenseType : "SP";
  return {
    patient: options.patient ? pickedPatient(options.patient) : null,
    issueDate: isoDate(options.now),
    lines: [newLine({ expenseType })],
    paymentDate: "",
    paymentMethod: "",
    paidInAdvance: false,
    opposition: options.patient?.opposesSts ?? false,
    bolloIdentifier: "",
    notes: "",
  };
}

export function invoiceFormValues(invoice: InvoiceWithDetails): InvoiceFormValues {
  return {
    patient: pickedPatient(invoice.patient),
    issueDate: invoice.issueDate,
    lines: invoice.lines.map((l) =>
      newLine({
        description: l.description,
        quantity: String(l.quantity),
        unitPrice: formatCents(l.unitPriceCents, { symbol: false }),
        expenseType: isStsExpenseType(l.expenseType) ? l.expenseType : "SP",
        pensionFund: l.pensionFund,
      }),
    ),
    paymentDate: invoice.paymentDate ?? "",
    paymentMethod: invoice.paymentMethod ?? "",
    paidInAdvance: invoice.paidInAdvance,
    opposition: invoice.opposition,
    bolloIdentifier: invoice.bolloIdentifier ?? "",
    notes: invoice.notes ?? "",
  };
}
