import { AppError, notFound } from "../../app-error";
import type { Db } from "../../db";
import { findStsInvoices } from "../../data/sts-documents";
import type { Difference } from "../../domain/sts/reconciliation";
import { parseStsIdentity, type StsHeld } from "../../domain/sts/record";
import { sameTotals } from "../../domain/sts/totals";
import { applyStsEvent } from "../sts/apply-sts-event";
import { sendDocumentNow } from "../sts/send-document-now";
import { parseStsRecord, stsItemsOf } from "../sts/sts-view";

export type StoredReconciliation = {
  differences: Difference[];
  stsCount: number;
  parcellaCount: number;
  suggestedMinimumDate: string | null;
};

/** The key of a difference on the page and in the actions: its invoice, else its identity on STS. */
export function differenceKey(difference: Difference): string {
  return difference.invoiceId ?? `sts:${difference.identity}`;
}

export async function findReconciliation(db: Db, practitionerId: string, year: number) {
  const row = await db.stsReconciliation.findUnique({ where: { practitionerId_year: { practitionerId, year } } });
  if (!row) return null;
  return { ...row, details: JSON.parse(row.details) as StoredReconciliation };
}

/**
 * The one-click fix of one difference found by the last "Verifica su STS" of the year. Sending goes through "Invia
 * ora" (its own checks: credentials, pause, nothing in flight). A document STS holds but Parcella does not know is
 * adopted — recorded as already sent, never cancelled: a cancellation removes the patient's deduction.
 */
export async function fixDifference(options: {
  db: Db;
  practitionerId: string;
  year: number;
  key: string;
  now?: Date;
}): Promise<{ fixed: Difference; outcome: string }> {
  const { db, practitionerId, year, key } = options;
  const stored = await findReconciliation(db, practitionerId, year);
  const difference = stored?.details.differences.find((d) => differenceKey(d) === key);
  if (!stored || !difference) throw notFound("Differenza non trovata: ripeti la verifica.");
  const outcome = await applyFix(db, practitionerId, difference, options.now);
  await forgetDifference(db, stored, key);
  return { fixed: difference, outcome };
}

/** Takes a fixed difference off the stored result (the list and the dashboard count what is left). */
export async function forgetDifference(
  db: Db,
  stored: NonNullable<Awaited<ReturnType<typeof findReconciliation>>>,
  key: string,
) {
  const left = stored.details.differences.filter((d) => differenceKey(d) !== key);
  await db.stsReconciliation.update({
    where: { id: stored.id },
    data: { differences: left.length, details: JSON.stringify({ ...stored.details, differences: left }) },
  });
}

/** Every difference that has a fix from here (not those to open and correct), one after the other. */
export async function fixAllDifferences(options: { db: Db; practitionerId: string; year: number; now?: Date }) {
  const stored = await findReconciliation(options.db, options.practitionerId, options.year);
  const fixable = (stored?.details.differences ?? []).filter((d) => d.fix !== "open");
  const results: { key: string; outcome: string }[] = [];
  for (const difference of fixable) {
    const key = differenceKey(difference);
    try {
      results.push({ key, outcome: (await fixDifference({ ...options, key })).outcome });
    } catch (error) {
      results.push({ key, outcome: error instanceof AppError ? error.userMessage : "errore" });
    }
  }
  return results;
}

async function applyFix(db: Db, practitionerId: string, difference: Difference, now?: Date): Promise<string> {
  if (difference.fix === "open") throw new AppError("conflict", "Questo documento va corretto dalla sua pagina.");
  if (difference.fix === "adopt" && !difference.invoiceId) return importFromSts(db, practitionerId, difference);
  const invoiceId = difference.invoiceId!;
  const [invoice] = await findStsInvoices(db, practitionerId, { ids: [invoiceId] });
  if (!invoice) throw notFound("Documento non trovato.");
  const record = parseStsRecord(invoice.stsRecord);
  const identity = difference.identity!;
  const held = (version: number): StsHeld => ({ identity, version, operation: "I", warnings: [] });
  const reconcile = (to: StsHeld | null) =>
    applyStsEvent(db, { practitionerId, invoiceId, submissionId: "", event: { type: "reconciled", held: to }, now });
  switch (difference.fix) {
    case "adopt": {
      // Linked to the invoice with its identity: STS holds it, so it is never inserted again; different amounts
      // leave a variazione due (version -1 is older than any version of the invoice).
      const items = stsItemsOf(invoice).map((i) => ({ tipoSpesa: i.expenseType, amountCents: i.amountCents }));
      await reconcile(held(sameTotals(items, difference.stsTotals) ? invoice.contentVersion : -1));
      return "adopted";
    }
    case "send":
      // Parcella believed STS held it: STS does not, so the insert is due again.
      if (record.held) await reconcile(null);
      break;
    case "send_variazione":
      await reconcile(held(-1));
      break;
    case "send_cancellation":
      if (!record.held) await reconcile(held(invoice.contentVersion));
      break;
  }
  return (await sendDocumentNow({ db, practitionerId, invoiceId, now })).outcome;
}

async function importFromSts(db: Db, practitionerId: string, difference: Difference) {
  const identity = difference.identity!;
  const { issueDate, numDocumento } = parseStsIdentity(identity);
  await db.stsImportedDocument.upsert({
    where: { practitionerId_identity: { practitionerId, identity } },
    create: {
      practitionerId,
      identity,
      issueDate,
      numDocumento,
      paymentDate: difference.stsPaymentDate ?? null,
      protocollo: difference.stsProtocollo ?? null,
      totals: JSON.stringify(difference.stsTotals),
    },
    update: {},
  });
  return "adopted";
}
