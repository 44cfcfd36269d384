import { describe, expect, it } from "vitest";
import type { StsDocument } from "../../lib/sts/types";
import { admin, clientFor, fileOf, invoice, startSimulator, tamperedFile, upload } from "./helpers";

async function processOne(
  sim: Awaited<ReturnType<typeof startSimulator>>,
  file: { fileName: string; zip: Uint8Array },
) {
  const client = clientFor(sim);
  const protocollo = await upload(client, file);
  const outcome = await client.getOutcome({ protocollo });
  const detail = await client.getErrorDetail(protocollo);
  return { outcome, detail, codes: "rows" in detail ? detail.rows.map((r) => r.code) : [] };
}

const refundOf = (original: StsDocument, overrides: Partial<StsDocument> = {}): StsDocument =>
  invoice({
    operation: "R",
    id: {
      ...original.id,
      dataEmissione: "2026-04-02",
      numDocumento: `NC-${original.id.numDocumento.replace("/", "-")}`,
    },
    dataPagamento: "2026-04-02",
    refundOf: original.id,
    items: [{ tipoSpesa: "SP", amountCents: 2000, naturaIVA: "N4" }],
    ...overrides,
  });

describe("per-document rules of the asynchronous processing", () => {
  it("S017: the same document inserted twice is rejected the second time", async () => {
    const sim = await startSimulator();
    const doc = invoice();
    expect((await processOne(sim, fileOf([doc]))).codes).toEqual([]);
    const second = await processOne(sim, fileOf([doc]));
    expect(second.codes).toEqual(["S017"]);
    expect(second.outcome).toMatchObject({ kind: "rejected", submission: { stato: 3, nErrori: 1, nAccolti: 0 } });
    const counts = await admin(sim, "counts");
    const key = `${doc.id.pIva}|${doc.id.dataEmissione}|1|${doc.id.numDocumento}`;
    expect(counts.documents[key]).toEqual({ received: { I: 2 }, accepted: { I: 1 } });
  });

  it("S011: a patient CF with a wrong check character", async () => {
    const sim = await startSimulator();
    const result = await processOne(
      sim,
      fileOf([invoice({ cfCittadino: "RSSMRA80A01H501V" })], { checkCfChecksum: false }),
    );
    expect(result.codes).toEqual(["S011"]);
  });

  it("S011: a valid-looking CF on the rejectedCfs list (set through the admin API)", async () => {
    const sim = await startSimulator();
    await admin(sim, "config", { rejectedCfs: ["BNCLRA85M41F205C"] });
    expect((await processOne(sim, fileOf([invoice({ cfCittadino: "BNCLRA85M41F205C" })]))).codes).toEqual(["S011"]);
  });

  it("W003: a CF not in the registry is accepted with a warning", async () => {
    const sim = await startSimulator({ notInRegistryCfs: ["RSSMRA80A01H501U"] });
    const result = await processOne(sim, fileOf([invoice()]));
    expect(result.outcome).toMatchObject({
      kind: "accepted_with_warnings",
      submission: { stato: 2, nAccolti: 1, nWarnings: 1 },
    });
    expect(result.detail.kind).toBe("accepted_with_warnings");
    expect(result.codes).toEqual(["W003"]);
  });

  it("W008: sent after the deadline of the payment year (31 Jan moved to Monday)", async () => {
    let now = new Date("2026-02-02T20:00:00Z"); // 2 Feb 2026 21:00 in Rome: still in time for 2025 data
    const sim = await startSimulator({ now: () => now });
    const paid2025 = (n: string) =>
      invoice({
        id: { pIva: "65498732105", dataEmissione: "2025-12-20", dispositivo: 1, numDocumento: n },
        dataPagamento: "2025-12-20",
      });
    expect((await processOne(sim, fileOf([paid2025("late-1")]))).codes).toEqual([]);
    now = new Date("2026-02-02T23:30:00Z"); // 3 Feb in Rome
    const late = await processOne(sim, fileOf([paid2025("late-2")]));
    expect(late.codes).toEqual(["W008"]);
    expect(late.outcome).toMatchObject({ kind: "accepted_with_warnings" });
  });

  it("rejects a CF sent together with the opposition flag", async () => {
    const sim = await startSimulator();
    const file = tamperedFile([invoice()], (xml) =>
      xml.replace("<flagOpposizione>0</flagOpposizione>", "<flagOpposizione>1</flagOpposizione>"),
    );
    expect((await processOne(sim, file)).codes).toEqual(["X002"]);
  });

  it("rejects V, C and R of a document it does not hold", async () => {
    const sim = await startSimulator();
    const unknown = invoice();
    const result = await processOne(
      sim,
      fileOf([{ ...unknown, operation: "V" }, { ...invoice(), operation: "C" }, refundOf(unknown)]),
    );
    expect(result.codes).toEqual(["X001", "X001", "X001"]);
    expect(result.outcome).toMatchObject({ submission: { stato: 3, nErrori: 3, nAccolti: 0 } });
  });

  it("accepts V, R and C of a held document, in that order", async () => {
    const sim = await startSimulator();
    const original = invoice();
    await processOne(sim, fileOf([original]));
    const result = await processOne(
      sim,
      fileOf([
        { ...original, operation: "V", items: [{ tipoSpesa: "SP", amountCents: 8000, naturaIVA: "N4" }] },
        refundOf(original),
      ]),
    );
    expect(result.codes).toEqual([]);
    expect((await processOne(sim, fileOf([{ ...original, operation: "C" }]))).codes).toEqual([]);
    expect((await processOne(sim, fileOf([{ ...original, operation: "C" }]))).codes).toEqual(["X001"]);
  });

  it("rejects a bad refund: no idRimborso, or dataPagamento different from dataEmissione", async () => {
    const sim = await startSimulator();
    const original = invoice();
    await processOne(sim, fileOf([original]));
    const noLink = tamperedFile([refundOf(original)], (xml) => xml.replace(/<idRimborso>.*?<\/idRimborso>/, ""));
    expect((await processOne(sim, noLink)).codes).toEqual(["X003"]);
    const wrongDate = tamperedFile([refundOf(original)], (xml) =>
      xml.replace("<dataPagamento>2026-04-02</dataPagamento>", "<dataPagamento>2026-04-05</dataPagamento>"),
    );
    expect((await processOne(sim, wrongDate)).codes).toEqual(["X003"]);
  });
});
