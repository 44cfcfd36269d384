import type { StsInvoice } from "../../data/sts-documents";
import type { StsAttempt, StsCodeRef } from "../../domain/sts/record";
import { decideUncertain, type UncertainAnswer, type UncertainDecision } from "../../domain/sts/uncertain";
import type { StsClient } from "../../sts/client/sts-client";
import type { StsExchange } from "../../sts/client/exchange";
import { StsValidationError } from "../../sts/errors";
import { messageCodeRefs } from "./apply-sts-event";
import { stsDocumentOf, stsFactsOf } from "./sts-view";

export type UncertainResolution = {
  decision: UncertainDecision;
  exchanges: StsExchange[];
  /** STS did not answer at all (unreachable, timed out): it is down for everyone, not only for this document. */
  unreachable?: boolean;
  /** STS refused the credentials while being asked: automatic sending must pause. */
  credentialsRefused?: string;
};

/**
 * What to do with one uncertain document: ask STS, then decide (decideUncertain). The question today is the
 * attempt itself, sent again through the synchronous service: STS refuses a second insert of the same identity
 * (S017) and a second cancellation (X001), so the answer tells whether the first attempt landed and nothing is ever
 * inserted twice; a V sent again is a full replacement. Only the same operation on the same identity is ever sent:
 * never a new insert with another identity, never through a batch. A query of what STS holds
 * (InterrogazionePuntuale) plugs in here as another `ask`, answering `holds` / `not_held`.
 */
export async function resolveUncertainDocument(options: {
  client: StsClient;
  invoice: StsInvoice;
  attempt: StsAttempt;
  ask?: AskSts;
}): Promise<UncertainResolution> {
  const ask = options.ask ?? askBySendingAgain;
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

async function askBySendingAgain(client: StsClient, invoice: StsInvoice, attempt: StsAttempt): Promise<Asked> {
  // A credit note's record always names the invoice it refunds.
  const refundOf = invoice.kind === "credit_note" ? stsFactsOf(invoice, true).creditedInvoice?.identity : undefined;
  let result;
  try {
    result = await client.sendDocument(
      stsDocumentOf(invoice, { operation: attempt.operation, identity: attempt.identity, refundOf }),
    );
  } catch (error) {
    // The document can no longer be built as a valid record (its data changed since): nothing to ask with.
    if (error instanceof StsValidationError) return { answer: { kind: "no_answer" }, exchanges: [] };
    throw error;
  }
  switch (result.kind) {
    case "accepted":
    case "accepted_with_warnings":
      return { answer: { kind: "accepted", warnings: warningsOf(result.messages) }, exchanges: result.exchanges };
    case "rejected":
      return { answer: { kind: "refused", codes: messageCodeRefs(result.messages) }, exchanges: result.exchanges };
    case "credentials":
      return { answer: { kind: "no_answer" }, exchanges: result.exchanges, credentialsRefused: result.message };
    default:
      // Unreachable, timed out again: the attempt sent now may have landed as well; the next sweep asks again.
      return { answer: { kind: "no_answer" }, exchanges: result.exchanges, unreachable: true };
  }
}

function warningsOf(messages: Parameters<typeof messageCodeRefs>[0]): StsCodeRef[] {
  return messageCodeRefs(messages).filter((code) => code.severity === "warning");
}
