import type { StsCodeRef, StsEvent, StsOperation } from "./record";

/**
 * What STS answered when Parcella asked it about an uncertain attempt (one that may or may not have reached STS:
 * a timeout, a reset, a process killed around an upload). The question is a query of what STS holds
 * (InterrogazionePuntuale: `holds` / `not_held` / `refused`); `accepted` and the S017/X001 refusals are the answers
 * of the same record sent again, a way of asking kept for callers that pass their own.
 */
export type UncertainAnswer =
  /** The same record, sent again, was accepted: STS holds it now (sent once, whichever attempt landed). */
  | { kind: "accepted"; warnings: StsCodeRef[] }
  /** The same record, sent again, was refused with these codes. */
  | { kind: "refused"; codes: StsCodeRef[] }
  /** A query found the attempt's effect in place (the document held at this identity, or cancelled for a C). */
  | { kind: "holds"; warnings: StsCodeRef[] }
  /** A query found no trace of the attempt: it never landed. */
  | { kind: "not_held" }
  /** No answer (STS unreachable, timeout again, credentials refused): ask again at the next sweep. */
  | { kind: "no_answer" };

export type UncertainDecision =
  | {
      resolution: "sent" | "not_sent" | "rejected";
      event: StsEvent;
      /** The outcome noted on the submission's line for the document. */
      outcome: "accepted" | "accepted_with_warnings" | "rejected" | "failed";
      codes: StsCodeRef[];
    }
  | { resolution: "wait" };

// STS's refusal of a record it already has means the uncertain attempt had landed: a duplicate insert or refund
// is refused with S017 ("identificativo già presente", docs/STS.md); a cancellation of a document STS no longer
// holds with X001; W010 ("annullato in precedenza") is what a query answers for a cancelled document.
const ALREADY_DONE: Record<StsOperation, readonly string[]> = {
  I: ["S017"],
  R: ["S017"],
  C: ["X001", "W010"],
  V: [],
};

/**
 * The one decision about an uncertain attempt, from STS's answer. A document STS holds is never left as an error:
 * "already there" resolves as sent, shown as accepted without the code that said so. Only a refusal for the
 * record's content (the same codes the first attempt would have had) leaves it rejected, for the user to fix.
 * A V is a full replacement, so sending it again is harmless and its acceptance settles it.
 */
export function decideUncertain(operation: StsOperation, answer: UncertainAnswer): UncertainDecision {
  switch (answer.kind) {
    case "accepted":
    case "holds": {
      const warnings = answer.warnings.filter((c) => c.severity === "warning");
      return {
        resolution: "sent",
        event: { type: "resolved_as_sent", warnings },
        outcome: warnings.length > 0 ? "accepted_with_warnings" : "accepted",
        codes: warnings,
      };
    }
    case "refused": {
      if (answer.codes.some((c) => ALREADY_DONE[operation].includes(c.code))) {
        return { resolution: "sent", event: { type: "resolved_as_sent" }, outcome: "accepted", codes: [] };
      }
      const codes = answer.codes.filter((c) => c.code !== "0");
      return { resolution: "rejected", event: { type: "rejected", codes }, outcome: "rejected", codes };
    }
    case "not_held":
      // This submission did not deliver it; the document is to send again (a new submission, a new line).
      return { resolution: "not_sent", event: { type: "resolved_as_not_sent" }, outcome: "failed", codes: [] };
    case "no_answer":
      return { resolution: "wait" };
    default: {
      const unknown: never = answer;
      throw new Error(`unknown answer ${JSON.stringify(unknown)}`);
    }
  }
}
