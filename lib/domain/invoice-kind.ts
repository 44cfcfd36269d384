// What an Invoice row is and where it stands, as stored (Invoice.kind, Invoice.status).

/** An invoice, or a credit note refunding one (each with its own numbering series: numbering.ts). */
export const INVOICE_KINDS = ["invoice", "credit_note"] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

/** A draft has no number yet; an issued document has one for good; a void one keeps it but no longer counts. */
export const INVOICE_STATUSES = ["draft", "issued", "void"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
