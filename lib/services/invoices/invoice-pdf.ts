import { sexOfCodiceFiscale } from "../../domain/codice-fiscale";
import { printedProfession } from "../../domain/profession";
import type { Db } from "../../db";
import { isPaymentMethod } from "../../domain/payment";
import { exemptionWording, OPPOSITION_WORDING, type TaxRegime } from "../../domain/tax-regime";
import { findIssuerProfile, type InvoiceWithDetails } from "../../data/invoices";
import type { InvoicePdfModel } from "../../pdf/invoice-pdf-model";
import { renderInvoicePdf } from "../../pdf/invoice-pdf";
import { getInvoiceOrThrow } from "./get-invoice";
import { documentNumberLabel } from "../../presentation/invoices/labels";
import { issuerSnapshot, parseSnapshot, patientSnapshot, type IssuerSnapshot, type PatientSnapshot } from "./snapshots";

const EMPTY_ISSUER: IssuerSnapshot = {
  name: "Profilo da completare",
  professionLines: [],
  codiceFiscale: "",
  partitaIva: "",
  addressLines: [],
  iban: null,
  email: null,
  phone: null,
  footer: null,
};

export function buildInvoicePdfModel(
  invoice: InvoiceWithDetails,
  issuer: IssuerSnapshot,
  patient: PatientSnapshot,
): InvoicePdfModel {
  const credited = invoice.creditedInvoice;
  return {
    kind: invoice.kind === "credit_note" ? "credit_note" : "invoice",
    draft: invoice.status === "draft",
    documentNumber: documentNumberLabel(invoice),
    issueDate: invoice.issueDate,
    creditedInvoice: credited ? { documentNumber: documentNumberLabel(credited), issueDate: credited.issueDate } : null,
    // Invoices issued before the profession was asked hold "Psicologo/a": printed by the issuer's sex.
    issuer: {
      ...issuer,
      professionLines: issuer.professionLines.map((line) =>
        printedProfession(line, sexOfCodiceFiscale(issuer.codiceFiscale)),
      ),
    },
    patient: {
      name: patient.name,
      codiceFiscale: patient.codiceFiscale ?? patient.partitaIva,
      addressLines: patient.addressLines,
    },
    stsOpposition: invoice.opposition,
    oppositionWording: OPPOSITION_WORDING,
    lines: invoice.lines.map((l) => ({
      description: l.description,
      quantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
      amountCents: l.amountCents,
    })),
    subtotalCents: invoice.subtotalCents,
    pensionFund:
      invoice.pensionFundCents > 0
        ? { label: invoice.pensionFundLabel, rateBp: invoice.pensionFundRateBp, amountCents: invoice.pensionFundCents }
        : null,
    bollo:
      invoice.bolloCents > 0
        ? {
            amountCents: invoice.bolloCents,
            chargedTo: invoice.bolloChargedToPatient ? "patient" : "practitioner",
            identifier: invoice.bolloIdentifier,
          }
        : null,
    totalDueCents: invoice.totalCents,
    exemptionWording: exemptionWording(invoice.taxRegime as TaxRegime),
    payment:
      invoice.paymentDate && invoice.paymentMethod && isPaymentMethod(invoice.paymentMethod)
        ? { method: invoice.paymentMethod, date: invoice.paymentDate }
        : null,
    notes: invoice.notes,
    footer: issuer.footer,
  };
}

// Issued documents print the data frozen at issue; drafts print the current profile and patient card.
export async function renderInvoicePdfFor(options: { db: Db; practitionerId: string; invoiceId: string }) {
  const invoice = await getInvoiceOrThrow(options);
  const profile = invoice.issuerSnapshot ? null : await findIssuerProfile(options.db, options.practitionerId);
  const issuer: IssuerSnapshot =
    parseSnapshot<IssuerSnapshot>(invoice.issuerSnapshot) ?? (profile ? issuerSnapshot(profile) : EMPTY_ISSUER);
  const patient = parseSnapshot<PatientSnapshot>(invoice.patientSnapshot) ?? patientSnapshot(invoice.patient);
  const pdf = await renderInvoicePdf(buildInvoicePdfModel(invoice, issuer, patient));
  const fileName = `${invoice.kind === "credit_note" ? "nota-di-credito" : "fattura"}-${documentNumberLabel(invoice)
    .replace(/[^A-Za-z0-9]+/g, "-")
    .toLowerCase()}.pdf`;
  return { pdf, fileName };
}
