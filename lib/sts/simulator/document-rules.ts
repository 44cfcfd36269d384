import { isValidCodiceFiscale, isValidNumericCodiceFiscale } from "../codice-fiscale";
import { STS_CODES } from "../codes";
import { documentKey, type StsDocument } from "../types";
import { isLate } from "./deadline";
import { bumpCount, linkRefund, type DocumentMessage, type SimulatorState } from "./state";

export type RuleContext = {
  state: SimulatorState;
  now: Date;
  protocollo: string;
  owner: string;
  /** File name and day (yyyy-MM-dd, Italian time) of the transmission, kept with each accepted document. */
  fileName: string;
  sentOn: string;
  rejectedCfs: Set<string>;
  notInRegistryCfs: Set<string>;
  /** Decrypts a ciphertext; throws when it cannot. */
  decrypt: (cipher: string) => string;
};

function message(code: string, tipo: "E" | "W"): DocumentMessage {
  return { code, description: STS_CODES.get(code)?.description ?? code, tipo };
}

function isHeld(state: SimulatorState, key: string): boolean {
  const stored = state.documents[key];
  return stored !== undefined && !stored.cancelled;
}

/** Errors that reject the document (tipo E); the first one wins, as STS reports one scarto per document. */
function findError(doc: StsDocument, cf: string | null, ctx: RuleContext): DocumentMessage | null {
  const key = documentKey(doc.id);
  if (doc.cfCittadino && cf === null) return message("X004", "E");
  if (cf && doc.flagOpposizione) return message("X002", "E");
  if (doc.operation === "R") {
    if (!doc.refundOf || doc.dataPagamento !== doc.id.dataEmissione) return message("X003", "E");
    if (!isHeld(ctx.state, documentKey(doc.refundOf))) return message("X001", "E");
    if (isHeld(ctx.state, key)) return message("S017", "E");
  }
  if ((doc.operation === "V" || doc.operation === "C") && !isHeld(ctx.state, key)) return message("X001", "E");
  if (doc.operation === "I" && isHeld(ctx.state, key)) return message("S017", "E");
  if (cf && (!(isValidCodiceFiscale(cf) || isValidNumericCodiceFiscale(cf)) || ctx.rejectedCfs.has(cf))) {
    return message("S011", "E");
  }
  return null;
}

/**
 * Applies STS's per-document rules (docs/STS-PROTOCOL.md §10–11; simulator choices in docs/STS.md) and, when the
 * document is accepted, changes what the simulator holds. Returns the messages for the CSV or the sync answer.
 */
export function applyDocument(doc: StsDocument, ctx: RuleContext): DocumentMessage[] {
  const key = documentKey(doc.id);
  bumpCount(ctx.state, key, "received", doc.operation);
  let cf: string | null = null;
  if (doc.cfCittadino) {
    try {
      cf = ctx.decrypt(doc.cfCittadino).toUpperCase();
    } catch {
      cf = null;
    }
  }
  const error = findError(doc, cf, ctx);
  if (error) return [error];
  const warnings: DocumentMessage[] = [];
  if (cf && ctx.notInRegistryCfs.has(cf)) warnings.push(message("W003", "W"));
  if (isLate(doc.dataPagamento, ctx.now)) warnings.push(message("W008", "W"));
  bumpCount(ctx.state, key, "accepted", doc.operation);
  if (doc.operation === "C") {
    ctx.state.documents[key] = { ...ctx.state.documents[key], cancelled: true };
  } else {
    // Keep the CF out of what the simulator stores: it only needs identities and amounts.
    const stored = { ...doc, cfCittadino: cf ? "[cifrato]" : undefined };
    const previous = ctx.state.documents[key];
    // A variation of a refund carries no idRimborso in the synchronous service: it stays the refund it was.
    if (doc.operation === "V" && !stored.refundOf && previous?.document.refundOf)
      stored.refundOf = previous.document.refundOf;
    ctx.state.documents[key] = {
      document: stored,
      cancelled: false,
      protocollo: ctx.protocollo,
      owner: ctx.owner,
      nomeFile: ctx.fileName,
      dataInvio: ctx.sentOn,
      tipoInvio: doc.operation,
      messages: warnings,
      ...(previous?.refunds ? { refunds: previous.refunds } : {}),
    };
    if (doc.operation === "R" && doc.refundOf) linkRefund(ctx.state, documentKey(doc.refundOf), key);
  }
  return warnings;
}
