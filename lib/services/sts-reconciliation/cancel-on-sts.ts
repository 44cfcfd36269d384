import { AppError, notFound } from "../../app-error";
import type { Db } from "../../db";
import { CANCEL_CONFIRMATION_MESSAGE } from "../../domain/sts/reconciliation";
import { parseStsIdentity } from "../../domain/sts/record";
import type { StsDocument, StsTipoSpesa } from "../../sts/types";
import { createClientFor, loadStsCredentials } from "../sts/sts-connection";
import { differenceKey, findReconciliation, forgetDifference } from "./fix-difference";

/**
 * Cancels on STS a document that STS holds but Parcella does not know (sent by hand on the portal, or by another
 * program). Never the default: the one-click fix adopts it. A cancellation removes the patient's deduction, so it
 * takes its own explicit confirmation (`confirmed: true`, given by the practitioner after reading what it does);
 * without it nothing is sent. Sent by the synchronous service, whose answer is final: an answer that does not come
 * leaves the difference in place, for the next "Verifica su STS" to show what STS holds.
 */
export async function cancelOnSts(options: {
  db: Db;
  practitionerId: string;
  year: number;
  key: string;
  confirmed: boolean;
}): Promise<{ outcome: "cancelled"; protocollo: string }> {
  const { db, practitionerId, year, key } = options;
  const stored = await findReconciliation(db, practitionerId, year);
  const difference = stored?.details.differences.find((d) => differenceKey(d) === key);
  if (!stored || !difference) throw notFound("Differenza non trovata: ripeti la verifica.");
  if (difference.kind !== "unknown_to_parcella" || difference.invoiceId || !difference.identity) {
    throw new AppError("conflict", "Da qui si annullano solo i documenti sul Sistema TS che Parcella non conosce.");
  }
  if (options.confirmed !== true) {
    throw new AppError("validation", CANCEL_CONFIRMATION_MESSAGE, { confirmed: [CANCEL_CONFIRMATION_MESSAGE] });
  }
  const credentials = await loadStsCredentials(db, practitionerId);
  if (!credentials)
    throw new AppError("sts_credentials", "Configura le credenziali del Sistema TS prima di annullare.");
  const id = parseStsIdentity(difference.identity);
  // A cancellation transmits only the document's identity; the rest only satisfies the checks made before any call.
  const document: StsDocument = {
    operation: "C",
    id: { pIva: id.pIva, dataEmissione: id.issueDate, dispositivo: id.dispositivo, numDocumento: id.numDocumento },
    dataPagamento: difference.stsPaymentDate ?? id.issueDate,
    tipoDocumento: "F",
    flagOpposizione: true,
    pagamentoTracciato: "SI",
    items: difference.stsTotals.map((t) => ({
      tipoSpesa: t.tipoSpesa as StsTipoSpesa,
      amountCents: t.amountCents,
      naturaIVA: "N4",
    })),
  };
  const result = await createClientFor(credentials, { db }).sendDocument(document);
  switch (result.kind) {
    case "accepted":
    case "accepted_with_warnings":
      await forgetDifference(db, stored, key);
      return { outcome: "cancelled", protocollo: result.protocollo };
    case "rejected":
      throw new AppError(
        "conflict",
        `Il Sistema TS non ha annullato il documento: ${result.messages.map((m) => `${m.code} ${m.description}`).join("; ")}`,
      );
    default:
      throw new AppError(
        result.kind === "credentials" ? "sts_credentials" : "sts_unavailable",
        `Il Sistema TS non ha risposto all'annullamento: ripeti la verifica prima di riprovare. (${result.message})`,
      );
  }
}
