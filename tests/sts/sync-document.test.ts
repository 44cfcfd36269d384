import { describe, expect, it } from "vitest";
import { StsValidationError } from "../../lib/sts/errors";
import { admin, clientFor, invoice, startSimulator } from "./helpers";

describe("DocumentoSpesa730p (synchronous) against the simulator", () => {
  it("Inserimento: esitoChiamata 0 with protocollo, then S017 on the duplicate (never inserted twice)", async () => {
    const sim = await startSimulator();
    const client = clientFor(sim);
    const doc = invoice();
    const first = await client.sendDocument(doc);
    expect(first.kind).toBe("accepted");
    if (first.kind !== "accepted") return;
    expect(first.protocollo).toMatch(/^99\d{15}$/);
    expect(first.messages.map((m) => m.code)).toEqual(["0"]);
    const request = first.exchanges[0].request;
    expect(request).toContain("<pincode>[REDACTED]</pincode>");
    expect(request).toContain("<cfCittadino>[REDACTED]</cfCittadino>");
    expect(request).toContain('xmlns="http://documentospesap730.sanita.finanze.it"');
    const second = await client.sendDocument(doc);
    expect(second).toMatchObject({ kind: "rejected", messages: [{ code: "S017", tipo: "E" }] });
    const counts = await admin(sim, "counts");
    expect(counts.documents[`65498732105|2026-03-10|1|${doc.id.numDocumento}`].accepted).toEqual({ I: 1 });
  });

  it("answers esitoChiamata 2 with W008 and the code-0 message for a late document", async () => {
    const sim = await startSimulator({ now: () => new Date("2027-03-01T10:00:00Z") });
    const result = await clientFor(sim).sendDocument(invoice());
    expect(result.kind).toBe("accepted_with_warnings");
    if (result.kind === "accepted_with_warnings") {
      expect(result.messages.map((m) => [m.code, m.tipo])).toEqual([
        ["W008", "W"],
        ["0", ""],
      ]);
    }
  });

  it("Variazione, Rimborso and Cancellazione of a held document; unknown ones are rejected", async () => {
    const sim = await startSimulator();
    const client = clientFor(sim);
    const original = invoice();
    expect((await client.sendDocument({ ...original, operation: "V" })).kind).toBe("rejected");
    expect((await client.sendDocument(original)).kind).toBe("accepted");
    expect(
      (
        await client.sendDocument({
          ...original,
          operation: "V",
          items: [{ tipoSpesa: "SP", amountCents: 9000, naturaIVA: "N4" }],
        })
      ).kind,
    ).toBe("accepted");
    const refund = invoice({
      operation: "R",
      refundOf: original.id,
      id: { ...original.id, numDocumento: "NC-1", dataEmissione: "2026-04-01" },
      dataPagamento: "2026-04-01",
    });
    expect((await client.sendDocument(refund)).kind).toBe("accepted");
    expect((await client.sendDocument({ ...original, operation: "C" })).kind).toBe("accepted");
    expect(await client.sendDocument({ ...original, operation: "C" })).toMatchObject({
      kind: "rejected",
      messages: [{ code: "X001" }],
    });
    const counts = (await admin(sim, "counts")).documents[`65498732105|2026-03-10|1|${original.id.numDocumento}`];
    expect(counts.accepted).toEqual({ I: 1, V: 1, C: 1 });
  });

  it("classifies a wrong PIN as credentials", async () => {
    const sim = await startSimulator();
    expect(await clientFor(sim, { credentials: { pincode: "999" } }).sendDocument(invoice())).toMatchObject({
      kind: "credentials",
      code: "104",
    });
  });

  it("refuses an invalid document before any network call", async () => {
    const sim = await startSimulator();
    await expect(clientFor(sim).sendDocument(invoice({ cfCittadino: undefined }))).rejects.toBeInstanceOf(
      StsValidationError,
    );
    expect((await admin(sim, "counts")).requests).toEqual({});
  });
});
