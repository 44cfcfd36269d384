import type { StsInvoice } from "../../data/sts-documents";
import type { StsAttempt, StsCodeRef } from "../../domain/sts/record";
import { decideUncertain, type UncertainAnswer, type UncertainDecision } from "../../domain/sts/uncertain";
import type { StsClient } from "../../sts/client/sts-client";
import type { StsExchange } from "../../sts/client/exchange";
import { StsValidationError } from "../../sts/errors";
import { messageCodeRefs } from "./apply-sts-event";
import { parseStsIdentity } from "../../domain/sts/record";
import { sameTotals } from "../../domain/sts/totals";
import type { StsHeldDocument } from "../../sts/client/query-types";
import type { StsMessage } from "../../sts/client/sts-client";
import { stsDocumentOf } from "./sts-view";

export type UncertainResolution = {
  decision: UncertainDecision;
  exchanges: StsExchange[];
  /** STS did not answer at all (unreachable, timed out): it is down for everyone, not only for this document. */
  unreachable?: boolean;
  /** STS refused the credentials while being asked: automatic sending must pause. */
  credentialsRefused?: string;
};

/**
 * What to do with one uncertain document: ask STS what it holds for the attempt's identity (InterrogazionePuntuale),
 * then decide (decideUncertain). Nothing is sent while the answer is missing: a query changes nothing on STS, so
 * asking again at every sweep is harmless, and the document is sent again only once STS has said it does not hold
 * the attempt (docs/STS-TRANSMISSION.md, "Exactly once").
 */
export async function resolveUncertainDocument(options: {
  client: StsClient;
  invoice: StsInvoice;
  attempt: StsAttempt;
  ask?: AskSts;
}): Promise<UncertainResolution> {
  const ask = options.ask ?? askByQuery;
  const asked = await ask(options.client, options.invoice, options.attempt);
  return {
    decision: decideUncertain(options.attempt.operation, asked.answer),
    exchanges: asked.exchanges,
    unreachable: asked.unreachable,
    credentialsRefused: asked.credentialsRefused,
  };
}

/** How STS is asked about an uncertain attempt (the same record sent again, or a query). */
export type AskSts = (client: StsClient, invoice: StsInvoice, attempt: StsAttempt) => Promise<Asked>;

export type Asked = {
  answer: UncertainAnswer;
  exchanges: StsExchange[];
  unreachable?: boolean;
  credentialsRefused?: string;
};

/**
 * The attempt's effect, read from what STS holds at its identity:
 * - I / R: landed when STS holds the identity (whatever its amounts: a difference is the reconciliation's to show);
 * - V: landed when STS holds the identity with the attempt's amounts and payment date (else it is sent again, a V
 *   being a full replacement);
 * - C: landed when STS answers "cancelled" (W010) or no longer has the identity at all.
 * A cancelled identity is never inserted again: an I, R or V meeting one is refused with W010, for the user to see.
 */
export const askByQuery: AskSts = async (client, invoice, attempt) => {
  const { pIva, issueDate, dispositivo, numDocumento } = parseStsIdentity(attempt.identity);
  const result = await client.queryDocument({ pIva, dataEmissione: issueDate, dispositivo, numDocumento });
  const exchanges = result.exchanges;
  switch (result.kind) {
    case "present": {
      const warnings = warningsOf(result.document.errors);
      if (attempt.operation === "C") return { answer: { kind: "not_held" }, exchanges };
      if (attempt.operation === "V" && !holdsVersion(invoice, attempt, result.document))
        return { answer: { kind: "not_held" }, exchanges };
      return { answer: { kind: "holds", warnings }, exchanges };
    }
    case "cancelled":
      if (attempt.operation === "C") return { answer: { kind: "holds", warnings: [] }, exchanges };
      return {
        answer: { kind: "refused", codes: messageCodeRefs(result.messages).filter((c) => c.code !== "0") },
        exchanges,
      };
    case "absent":
      if (attempt.operation === "C") return { answer: { kind: "holds", warnings: [] }, exchanges };
      return { answer: { kind: "not_held" }, exchanges };
    case "credentials":
      return { answer: { kind: "no_answer" }, exchanges, credentialsRefused: result.message };
    case "transient":
      return { answer: { kind: "no_answer" }, exchanges, unreachable: true };
    default:
      // A refusal of the question itself: nothing learnt, nothing sent; the next sweep asks again.
      return { answer: { kind: "no_answer" }, exchanges };
  }
};

/** Whether the document STS holds carries what this V sent (its amounts per expense type and its payment date). */
function holdsVersion(invoice: StsInvoice, attempt: StsAttempt, held: StsHeldDocument) {
  let sent;
  try {
    sent = stsDocumentOf(invoice, { operation: attempt.operation, identity: attempt.identity });
  } catch (error) {
    // The document can no longer be built as a record (its data changed since): the V is sent again as it is now.
    if (error instanceof StsValidationError) return false;
    throw error;
  }
  return sameTotals(sent.items, held.totals) && sent.dataPagamento === held.dataPagamento;
}

function warningsOf(messages: StsMessage[]): StsCodeRef[] {
  return messageCodeRefs(messages).filter((code) => code.severity === "warning");
}
