import { describe, expect, it } from "vitest";
import { zipStsXml } from "../../lib/sts/file/build-file";
import { clientFor, fileOf, invoice, PATIENT_CF, startSimulator, upload } from "./helpers";

describe("asynchronous processing: EsitoInvii, DettaglioErrori, RicevutaPdf", () => {
  it("reports stato 0, then 1, then 2 as the injected clock passes the processing delay", async () => {
    let now = new Date("2026-03-12T10:00:00Z");
    const sim = await startSimulator({ now: () => now, processingDelayMs: 60_000 });
    const client = clientFor(sim);
    const protocollo = await upload(client, fileOf([invoice(), invoice()]));
    const first = await client.getOutcome({ protocollo });
    expect(first.kind).toBe("processing");
    if (first.kind === "processing") expect(first.submission.stato).toBe(0);
    now = new Date("2026-03-12T10:00:40Z");
    const second = await client.getOutcome({ protocollo });
    if (second.kind !== "processing") throw new Error(second.kind);
    expect(second.submission.stato).toBe(1);
    now = new Date("2026-03-12T10:01:00Z");
    const done = await client.getOutcome({ protocollo });
    expect(done.kind).toBe("accepted");
    if (done.kind !== "accepted") return;
    expect(done.submission).toMatchObject({
      stato: 2,
      nInviati: 2,
      nAccolti: 2,
      nWarnings: 0,
      nErrori: 0,
      fileRejected: false,
    });
    expect(done.submission.dataInvio).toBe("12-03-2026 11:00:00");
    expect(done.exchanges[0].request).toContain("<pinCode>[REDACTED]</pinCode>");
    const detail = await client.getErrorDetail(protocollo);
    expect(detail.kind).toBe("not_found");
  });

  it("reports stato 3 with counts and a per-document CSV when some documents are rejected", async () => {
    const sim = await startSimulator({ rejectedCfs: ["VRDGPP80A01H501U"] });
    const client = clientFor(sim);
    const bad = invoice({ cfCittadino: "VRDGPP80A01H501U" });
    const protocollo = await upload(client, fileOf([invoice(), bad]));
    const outcome = await client.getOutcome({ protocollo });
    expect(outcome.kind).toBe("rejected");
    if (outcome.kind !== "rejected") return;
    expect(outcome.submission).toMatchObject({ stato: 3, nInviati: 2, nAccolti: 1, nErrori: 1, fileRejected: false });
    const detail = await client.getErrorDetail(protocollo);
    expect(detail.kind).toBe("rejected");
    if (detail.kind !== "rejected" || detail.fileRejected) return;
    expect(detail.rows).toHaveLength(1);
    expect(detail.rows[0]).toMatchObject({
      cfProprietario: "MTOMRA66A41G224M",
      pIva: "65498732105",
      dataEmissione: "2026-03-10",
      dispositivo: 1,
      numDocumento: bad.id.numDocumento,
      code: "S011",
    });
    expect(detail.rows[0].info.fix).toBe("patient");
    expect(detail.exchanges[0].response).toMatch(/<csv>\[base64 omesso: \d+ byte\]<\/csv>/);
  });

  it("reports stato 5 for a file that fails validation, and DettaglioErrori WS37", async () => {
    const sim = await startSimulator();
    const client = clientFor(sim);
    const file = zipStsXml("rotto.zip", '<?xml version="1.0"?><precompilata><documentoSpesa/></precompilata>');
    const protocollo = await upload(client, file);
    const outcome = await client.getOutcome({ protocollo });
    expect(outcome.kind).toBe("rejected");
    if (outcome.kind !== "rejected") return;
    expect(outcome.submission).toMatchObject({ stato: 5, nInviati: 0, nAccolti: 0, fileRejected: true });
    const detail = await client.getErrorDetail(protocollo);
    expect(detail).toMatchObject({ kind: "rejected", fileRejected: true, code: "WS37" });
  });

  it("lists submissions by date range and answers not_found outside it", async () => {
    const now = new Date("2026-03-12T10:00:00Z");
    const sim = await startSimulator({ now: () => now });
    const client = clientFor(sim);
    const a = await upload(client, fileOf([invoice()]));
    const b = await upload(client, fileOf([invoice()]));
    const list = await client.getOutcome({ from: "2026-03-12", to: "2026-03-12" });
    expect(list.kind).toBe("list");
    if (list.kind === "list") expect(list.submissions.map((s) => s.protocollo)).toEqual([a, b]);
    const none = await client.getOutcome({ from: "2026-03-01", to: "2026-03-11" });
    expect(none).toMatchObject({ kind: "not_found", code: "WS96" });
  });

  it("returns a PDF receipt with the protocollo", async () => {
    const sim = await startSimulator();
    const client = clientFor(sim);
    const protocollo = await upload(client, fileOf([invoice()]));
    const receipt = await client.getReceipt(protocollo);
    expect(receipt.kind).toBe("ok");
    if (receipt.kind !== "ok") return;
    expect(Buffer.from(receipt.pdf.subarray(0, 5)).toString()).toBe("%PDF-");
    expect(receipt.exchanges[0].response).toMatch(/<pdf>\[base64 omesso: \d+ byte\]<\/pdf>/);
    expect(await client.getReceipt("99000000000000000")).toMatchObject({ kind: "not_found", code: "WS96" });
  });

  it("checks credentials without side effects", async () => {
    const sim = await startSimulator();
    expect((await clientFor(sim).checkCredentials()).kind).toBe("ok");
    expect(await clientFor(sim, { credentials: { pincode: "1111111111" } }).checkCredentials()).toMatchObject({
      kind: "credentials",
      code: "104",
    });
    expect(await clientFor(sim, { credentials: { password: "x" } }).checkCredentials()).toMatchObject({
      kind: "credentials",
    });
    expect(sim.context.state.submissions).toHaveLength(0);
    expect(Object.keys(sim.context.state.documents)).toHaveLength(0);
    expect(PATIENT_CF).toBeTruthy();
  });
});
