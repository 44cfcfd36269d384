import type { IsoDate } from "../domain/dates";
import type { PaymentMethod } from "../domain/payment";

/**
 * Everything the invoice PDF shows, as plain data. Totals are already computed (computeInvoiceTotals) and
 * numbers already formatted (formatInvoiceNumber): the renderer decides layout, never amounts.
 */
export type InvoicePdfModel = {
  kind: "invoice" | "credit_note";
  /** A draft has no number yet: its PDF says so in the title and across every page, so it is never taken as issued. */
  draft?: boolean;
  /** "12/2026" or "NC 3/2026". */
  documentNumber: string;
  issueDate: IsoDate;
  /** For credit notes: the invoice it refers to. */
  creditedInvoice?: { documentNumber: string; issueDate: IsoDate } | null;
  issuer: {
    name: string;
    /** e.g. "Psicologa - Psicoterapeuta", "Iscrizione Albo Psicologi Lombardia n. 1234". */
    professionLines?: string[];
    codiceFiscale: string;
    partitaIva: string;
    addressLines: string[];
    iban?: string | null;
    email?: string | null;
    phone?: string | null;
  };
  patient: {
    name: string;
    codiceFiscale?: string | null;
    addressLines: string[];
  };
  /** The patient opposed the transmission to the Sistema Tessera Sanitaria. */
  stsOpposition: boolean;
  /** Printed when stsOpposition is true (OPPOSITION_WORDING from lib/domain/tax-regime). */
  oppositionWording: string;
  lines: { description: string; quantity: number; unitPriceCents: number; amountCents: number }[];
  subtotalCents: number;
  /** null when no contribution is charged (rate 0 or every line without it). */
  pensionFund: { label: string; rateBp: number; amountCents: number } | null;
  /** null when no stamp is due. */
  bollo: { amountCents: number; chargedTo: "patient" | "practitioner"; identifier?: string | null } | null;
  totalDueCents: number;
  /** exemptionWording(regime) from lib/domain/tax-regime. */
  exemptionWording: string;
  /** null: not paid yet ("Da pagare"). */
  payment: { method: PaymentMethod; date: IsoDate } | null;
  notes?: string | null;
  footer?: string | null;
};
