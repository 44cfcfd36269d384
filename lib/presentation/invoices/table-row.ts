import type { InvoiceListRow } from "../../data/invoice-list";
import { patientDisplayName } from "../patients/patient-display-name";

/**
 * What a row of the invoice list shows, and nothing more: the table is a client component, so its rows travel in the
 * page's RSC payload (also inlined in the HTML) and are read again by the browser. The patient's codice fiscale and
 * the amounts the row does not print stay on the server; the patient's name is written out here.
 */
export type InvoiceTableRow = Pick<
  InvoiceListRow,
  "id" | "kind" | "status" | "year" | "number" | "issueDate" | "paymentDate" | "totalCents" | "stsState" | "stsReason"
> & { patientName: string };

export function invoiceTableRow(row: InvoiceListRow): InvoiceTableRow {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    year: row.year,
    number: row.number,
    issueDate: row.issueDate,
    paymentDate: row.paymentDate,
    totalCents: row.totalCents,
    stsState: row.stsState,
    stsReason: row.stsReason,
    patientName: patientDisplayName(row.patient),
  };
}
