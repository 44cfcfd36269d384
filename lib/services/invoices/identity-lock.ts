import { isIdentityLocked } from "../../domain/sts/record";
import { parseStsRecord } from "../sts/sts-view";

type Lockable = { kind: string; status: string; stsRecord: string; creditNotes: { status: string }[] };

export const REISSUE_NOT_NEEDED =
  "Il Sistema TS non ha ancora questa fattura: correggi la data direttamente nel modulo e salva.";

/**
 * Whether the invoice's number and date are locked (STS holds or may hold it: docs/STS-TRANSMISSION.md), and when
 * locked, why "Annulla e riemetti" cannot be done right now (null when it can). One rule for the edit page and
 * for the service, which checks it again in its transaction.
 */
export function invoiceIdentityLock(invoice: Lockable): { locked: boolean; reissueBlocked: string | null } {
  if (invoice.kind !== "invoice" || invoice.status !== "issued") {
    return { locked: false, reissueBlocked: "Si può annullare e riemettere solo una fattura emessa e non annullata." };
  }
  const record = parseStsRecord(invoice.stsRecord);
  if (!isIdentityLocked(record)) return { locked: false, reissueBlocked: REISSUE_NOT_NEEDED };
  if (record.phase === "sending" || record.phase === "awaiting_outcome" || record.phase === "uncertain") {
    return {
      locked: true,
      reissueBlocked: "È in corso un invio al Sistema TS per questa fattura: attendi l'esito (pochi minuti) e riprova.",
    };
  }
  if (invoice.creditNotes.some((note) => note.status === "issued")) {
    return { locked: true, reissueBlocked: "La fattura ha note di credito emesse: annulla prima quelle." };
  }
  return { locked: true, reissueBlocked: null };
}
