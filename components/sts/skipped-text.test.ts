import { describe, expect, it } from "vitest";
import { skippedText } from "./skipped-text";

describe("skippedText", () => {
  it("says nothing when every selected document could go", () => {
    expect(skippedText({})).toBeNull();
    expect(skippedText({ rejected: 0 })).toBeNull();
  });
  it("tells rejected documents to be fixed first, and counts the others by reason", () => {
    expect(skippedText({ rejected: 2, accepted: 1, accepted_with_warnings: 1, awaiting_outcome: 1 })).toBe(
      "Non inviate: 2 scartate dal Sistema TS: correggi i dati indicati nell'elenco invii e salva, poi inviale " +
        "di nuovo; 2 già accettate; 1 già in invio.",
    );
    expect(skippedText({ not_eligible: 1 })).toBe("Non inviate: 1 non inviabile.");
  });
});
