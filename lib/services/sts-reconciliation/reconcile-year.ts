import { AppError } from "../../app-error";
import type { Db } from "../../db";
import { findStsInvoices, type StsInvoice } from "../../data/sts-documents";
import { isoDate } from "../../domain/dates";
import { formatInvoiceNumber } from "../../domain/numbering";
import { parseStsIdentity } from "../../domain/sts/record";
import {
  compareWithSts,
  suggestedMinimumDate,
  type Difference,
  type ParcellaSide,
  type StsSide,
} from "../../domain/sts/reconciliation";
import { isSendable } from "../../domain/sts/status";
import type { StsClient } from "../../sts/client/sts-client";
import type { Limiter } from "../sts/pool";
import { hasStsCredentials, statusOf } from "../sts/refresh-sts-state";
import { createClientFor, loadStsCredentials } from "../sts/sts-connection";
import { parseStsRecord, stsItemsOf } from "../sts/sts-view";
import { readStsYear } from "./read-sts-year";

// Documents whose transmission is still running are left out: their outcome, not the comparison, settles them.
const IN_FLIGHT = ["sending", "awaiting_outcome", "uncertain"];

export type YearReconciliation = {
  year: number;
  checkedAt: Date;
  differences: Difference[];
  /** Documents STS holds for the year, and Parcella's documents compared. */
  stsCount: number;
  parcellaCount: number;
  /** The day after the last document STS holds that Parcella did not send (starting mid-year), or null. */
  suggestedMinimumDate: string | null;
};

/**
 * "Verifica su STS": compares every invoice and credit note paid in `year` with what STS holds (ReportMensile for
 * each month; InterrogazionePuntuale for a document the report does not list although Parcella believes STS holds
 * it, to tell "cancelled" from "missing"), and stores the result for the list and the dashboard.
 */
export async function reconcileYear(options: {
  db: Db;
  practitionerId: string;
  year: number;
  now?: Date;
  trigger?: "manual" | "automatic";
  /** The bound on calls in flight toward STS shared with the other jobs (the nightly run). */
  limit?: Limiter;
  client?: StsClient;
}): Promise<YearReconciliation> {
  const { db, practitionerId, year } = options;
  const now = options.now ?? new Date();
  const client = options.client ?? (await clientFor(db, practitionerId, options.limit));
  const { rows } = await readStsYear({ client, year, now });
  const documents = await documentsOfYear(db, practitionerId, year);
  const configured = await hasStsCredentials(db, practitionerId);
  const today = isoDate(now);
  const imported = new Set(
    (await db.stsImportedDocument.findMany({ where: { practitionerId }, select: { identity: true } })).map(
      (d) => d.identity,
    ),
  );
  const parcella: ParcellaSide[] = [];
  for (const invoice of documents) {
    const record = parseStsRecord(invoice.stsRecord);
    const status = statusOf(invoice, configured, today);
    if (status.state === "not_applicable" || IN_FLIGHT.includes(status.state)) continue;
    const identity = record.held?.identity ?? status.pending[0]?.identity ?? null;
    if (invoice.status === "void" && !record.held && !identity) continue;
    parcella.push({
      invoiceId: invoice.id,
      kind: invoice.kind === "credit_note" ? "credit_note" : "invoice",
      label: labelOf(invoice),
      identity: invoice.status === "void" ? (record.held?.identity ?? identity) : identity,
      expected: invoice.status === "void" ? "absent" : "present",
      believedHeld: record.held !== null,
      totals: stsItemsOf(invoice).map((item) => ({ tipoSpesa: item.expenseType, amountCents: item.amountCents })),
      sendable: isSendable(status),
    });
  }
  // Only this practice's documents: its P.IVA now and those its documents were issued with (the STS user, the
  // owner CF, may issue under more than one P.IVA — and in the simulator many practitioners share the kit user).
  const profile = await db.profile.findUnique({ where: { practitionerId }, select: { partitaIva: true } });
  const pIvas = new Set([
    ...(profile?.partitaIva ? [profile.partitaIva] : []),
    ...parcella.flatMap((d) => (d.identity ? [d.identity.split("|")[0]!] : [])),
  ]);
  const ours = rows.filter((row) => pIvas.has(row.id.pIva));
  const sts: StsSide[] = ours
    .filter((row) => !imported.has(row.identity))
    .map((row) => ({
      identity: row.identity,
      status: "present",
      totals: row.totals,
      paymentDate: row.dataPagamento,
      protocollo: row.protocollo,
    }));
  const listed = new Set(ours.map((row) => row.identity));
  // The report leaves cancelled documents out: ask about each one Parcella believes held that it does not list.
  for (const doc of parcella) {
    if (!doc.identity || !doc.believedHeld || doc.expected !== "present" || listed.has(doc.identity)) continue;
    const { pIva, issueDate, dispositivo, numDocumento } = parseStsIdentity(doc.identity);
    const answer = await client.queryDocument({ pIva, dataEmissione: issueDate, dispositivo, numDocumento });
    switch (answer.kind) {
      case "present":
      case "cancelled":
        sts.push({ identity: doc.identity, status: answer.kind, totals: answer.document.totals });
        break;
      case "absent":
        break;
      default:
        throw new AppError("sts_unavailable", `Il Sistema TS non ha risposto alla verifica: ${answer.message}`);
    }
  }
  const differences = compareWithSts(parcella, sts);
  const sentElsewhere = ours.filter((row) => !parcella.some((d) => d.identity === row.identity && d.believedHeld));
  const result: YearReconciliation = {
    year,
    checkedAt: now,
    differences,
    stsCount: ours.length,
    parcellaCount: parcella.length,
    suggestedMinimumDate: suggestedMinimumDate(sentElsewhere.map((row) => row.id.dataEmissione)),
  };
  await saveReconciliation(db, practitionerId, result, options.trigger ?? "manual");
  return result;
}

async function clientFor(db: Db, practitionerId: string, limit?: Limiter) {
  const credentials = await loadStsCredentials(db, practitionerId);
  if (!credentials)
    throw new AppError("sts_credentials", "Configura le credenziali del Sistema TS prima di verificare.");
  return createClientFor(credentials, { db, limit });
}

/** Issued and voided invoices and credit notes whose expense belongs to `year` (payment date; issue date for notes). */
async function documentsOfYear(db: Db, practitionerId: string, year: number): Promise<StsInvoice[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const rows = await db.invoice.findMany({
    where: {
      practitionerId,
      status: { in: ["issued", "void"] },
      OR: [
        { kind: "invoice", paymentDate: { gte: from, lte: to } },
        { kind: "credit_note", issueDate: { gte: from, lte: to } },
      ],
    },
    select: { id: true },
  });
  return findStsInvoices(db, practitionerId, { ids: rows.map((r) => r.id) });
}

function labelOf(invoice: StsInvoice) {
  if (invoice.number === null || invoice.year === null) return "bozza";
  const series = invoice.kind === "credit_note" ? "credit_note" : "invoice";
  return formatInvoiceNumber({ series, number: invoice.number, year: invoice.year });
}

async function saveReconciliation(
  db: Db,
  practitionerId: string,
  result: YearReconciliation,
  trigger: "manual" | "automatic",
) {
  const data = {
    checkedAt: result.checkedAt,
    differences: result.differences.length,
    details: JSON.stringify({
      differences: result.differences,
      stsCount: result.stsCount,
      parcellaCount: result.parcellaCount,
      suggestedMinimumDate: result.suggestedMinimumDate,
    }),
    trigger,
  };
  await db.stsReconciliation.upsert({
    where: { practitionerId_year: { practitionerId, year: result.year } },
    create: { practitionerId, year: result.year, ...data },
    update: data,
  });
}
