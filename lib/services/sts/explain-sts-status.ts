import { notFound } from "../../app-error";
import type { DbOrTx } from "../../db";
import { findStsInvoices } from "../../data/sts-documents";
import { isoDate } from "../../domain/dates";
import { parseStsIdentity } from "../../domain/sts/record";
import { isSendable, stsStateLabel } from "../../domain/sts/status";
import { describeStsCode } from "../../sts/codes";
import { operationLabel } from "../../presentation/sts-log/labels";
import { hasStsCredentials, statusOf } from "./refresh-sts-state";

// "Verifica idoneità" / "Perché non è idonea?": the document's STS state in words, what would be sent, and why not.
export async function explainStsStatus(options: { db: DbOrTx; practitionerId: string; invoiceId: string; now?: Date }) {
  const [invoice] = await findStsInvoices(options.db, options.practitionerId, { ids: [options.invoiceId] });
  if (!invoice) throw notFound("Fattura non trovata.");
  const configured = await hasStsCredentials(options.db, options.practitionerId);
  const status = statusOf(invoice, configured, isoDate(options.now ?? new Date()));
  return {
    state: status.state,
    label: stsStateLabel(status.state),
    reason: status.reason,
    sendable: isSendable(status),
    pending: status.pending.map((p) => {
      const id = parseStsIdentity(p.identity);
      return `${operationLabel(p.operation)} del documento n. ${id.numDocumento} del ${id.issueDate.split("-").reverse().join("/")}`;
    }),
    codes: status.codes.map((c) => ({ ...c, explanation: describeStsCode(c.code, c.message).explanation })),
  };
}
