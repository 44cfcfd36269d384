import type { StsInvoice } from "../../data/sts-documents";
import { computeInvoiceTotals } from "../../domain/invoice-totals";
import { toStsNumDocumento } from "../../domain/numbering";
import { stsPagamentoTracciato, isPaymentMethod } from "../../domain/payment";
import { DEFAULT_STS_EXPENSE_TYPE, isStsExpenseType } from "../../domain/sts-expense-type";
import { naturaIvaForRegime, type TaxRegime } from "../../domain/tax-regime";
import { EMPTY_RECORD, parseStsIdentity, stsIdentity, type StsRecord } from "../../domain/sts/record";
import type { StsDocumentFacts, StsPendingOperation } from "../../domain/sts/status";
import type { StsDocument } from "../../sts/types";
import { parseSnapshot, type IssuerSnapshot, type PatientSnapshot } from "../invoices/snapshots";

export function parseStsRecord(json: string | null | undefined): StsRecord {
  if (!json) return EMPTY_RECORD;
  return JSON.parse(json) as StsRecord;
}

function identityOf(invoice: {
  kind: string;
  number: number | null;
  year: number | null;
  issueDate: string;
  issuerSnapshot: string | null;
}) {
  const issuer = parseSnapshot<IssuerSnapshot>(invoice.issuerSnapshot);
  if (!issuer || invoice.number === null || invoice.year === null) return null;
  const series = invoice.kind === "credit_note" ? "credit_note" : "invoice";
  try {
    return stsIdentity({
      pIva: issuer.partitaIva,
      issueDate: invoice.issueDate,
      numDocumento: toStsNumDocumento({ series, number: invoice.number, year: invoice.year }),
    });
  } catch {
    return null; // an identity STS cannot take (e.g. a malformed P.IVA): the document shows as not eligible
  }
}

// The STS items of the document (fee + its contribution, + bollo when the patient paid it) per expense type.
export function stsItemsOf(invoice: StsInvoice) {
  const totals = computeInvoiceTotals({
    lines: invoice.lines.map((l) => ({
      quantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
      pensionFund: l.pensionFund,
      expenseType: isStsExpenseType(l.expenseType) ? l.expenseType : DEFAULT_STS_EXPENSE_TYPE,
    })),
    pensionFundRateBp: invoice.pensionFundRateBp,
    bolloPolicy: invoice.bolloPolicy === "practitioner" ? "practitioner" : "patient",
  });
  return totals.ok ? totals.value.stsItems : [];
}

// The facts the pure state machine derives the STS state from (lib/domain/sts/status.ts).
export function stsFactsOf(invoice: StsInvoice, credentialsConfigured: boolean): StsDocumentFacts {
  const patient = parseSnapshot<PatientSnapshot>(invoice.patientSnapshot);
  const credited = invoice.creditedInvoice;
  const creditedIdentity = credited ? identityOf(credited) : null;
  return {
    kind: invoice.kind === "credit_note" ? "credit_note" : "invoice",
    status: invoice.status === "issued" ? "issued" : invoice.status === "void" ? "void" : "draft",
    patient: {
      kind: invoice.patient.kind === "company" ? "company" : "person",
      foreign: invoice.patient.foreign,
      codiceFiscale: patient?.codiceFiscale ?? invoice.patient.codiceFiscale,
    },
    opposition: invoice.opposition,
    healthAmountCents: stsItemsOf(invoice).reduce((sum, item) => sum + item.amountCents, 0),
    paymentDate: invoice.paymentDate,
    issueDate: invoice.issueDate,
    identity: identityOf(invoice) ?? `draft|${invoice.id}`,
    version: invoice.contentVersion,
    credentialsConfigured,
    creditedInvoice:
      credited && creditedIdentity
        ? { identity: creditedIdentity, held: parseStsRecord(credited.stsRecord).held?.identity === creditedIdentity }
        : null,
  };
}

// The record sent to STS for one pending operation (docs/STS-PROTOCOL.md §9): amounts from the lines, the patient's CF
// unless the patient opposed, the payment date (a refund's is its issue date).
export function stsDocumentOf(invoice: StsInvoice, pending: StsPendingOperation): StsDocument {
  const id = parseStsIdentity(pending.identity);
  const refundOf = pending.refundOf ? parseStsIdentity(pending.refundOf) : undefined;
  const paymentDate = invoice.kind === "credit_note" ? invoice.issueDate : (invoice.paymentDate ?? invoice.issueDate);
  const natura = naturaIvaForRegime(invoice.taxRegime as TaxRegime);
  const patient = parseSnapshot<PatientSnapshot>(invoice.patientSnapshot);
  const cf = patient?.codiceFiscale ?? invoice.patient.codiceFiscale;
  const method = invoice.paymentMethod && isPaymentMethod(invoice.paymentMethod) ? invoice.paymentMethod : null;
  return {
    operation: pending.operation,
    id: { pIva: id.pIva, dataEmissione: id.issueDate, dispositivo: id.dispositivo, numDocumento: id.numDocumento },
    refundOf: refundOf
      ? {
          pIva: refundOf.pIva,
          dataEmissione: refundOf.issueDate,
          dispositivo: refundOf.dispositivo,
          numDocumento: refundOf.numDocumento,
        }
      : undefined,
    dataPagamento: paymentDate,
    flagPagamentoAnticipato: paymentDate < id.issueDate ? true : undefined,
    cfCittadino: invoice.opposition || !cf ? undefined : cf,
    pagamentoTracciato: method ? stsPagamentoTracciato(method) : "SI",
    tipoDocumento: "F",
    flagOpposizione: invoice.opposition,
    items: stsItemsOf(invoice).map((item) => ({
      tipoSpesa: item.expenseType,
      amountCents: item.amountCents,
      naturaIVA: natura,
    })),
  };
}
