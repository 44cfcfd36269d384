import { describe, expect, it } from "vitest";
import { StsValidationError } from "../../lib/sts/errors";
import type { StsMonthlyReportRow } from "../../lib/sts/client/query-types";
import { admin, clientFor, fileOf, invoice, KIT_CREDENTIALS, PIVA, startSimulator, upload } from "./helpers";

const OTHER_USER = {
  username: "BNCLRA85M41F205X",
  password: "Altra123",
  pincode: "1122334455",
  cfProprietario: "BNCLRA85M41F205X",
};

const numbers = (rows: StsMonthlyReportRow[]) => rows.map((row) => row.id.numDocumento).sort();

describe("ReportMensile against the simulator", () => {
  it("lists, after real uploads and synchronous sends, what STS holds for the month (by payment date)", async () => {
    let now = new Date("2026-03-20T10:00:00Z");
    const sim = await startSimulator({ now: () => now });
    const client = clientFor(sim);
    const march = (n: string, overrides = {}) =>
      invoice({ id: { pIva: PIVA, dataEmissione: "2026-03-05", dispositivo: 1, numDocumento: n }, ...overrides });
    const kept = march("1/2026", { items: [{ tipoSpesa: "SP", amountCents: 7000, naturaIVA: "N4" }] });
    const varied = march("2/2026");
    const cancelled = march("3/2026");
    const paidInApril = march("4/2026", { dataPagamento: "2026-04-01" });
    const file = fileOf([kept, varied, cancelled, paidInApril]);
    const protocollo = await upload(client, file);
    now = new Date("2026-04-02T08:00:00Z");
    await client.sendDocument({
      ...varied,
      operation: "V",
      items: [{ tipoSpesa: "SP", amountCents: 12345, naturaIVA: "N4" }],
    });
    await client.sendDocument({ ...cancelled, operation: "C" });
    const refund = invoice({
      operation: "R",
      refundOf: kept.id,
      id: { pIva: PIVA, dataEmissione: "2026-04-02", dispositivo: 1, numDocumento: "1-NC-2026" },
      dataPagamento: "2026-04-02",
      items: [{ tipoSpesa: "SP", amountCents: 2050, naturaIVA: "N4" }],
    });
    await client.sendDocument(refund);

    const report = await client.getMonthlyReport({ month: "2026-03", tipoEstrazione: "P" });
    if (report.kind !== "ok") throw new Error(`${report.kind} ${report.message}`);
    expect(report.annoMese).toBe("202603");
    expect(report.header).toContain("TOTALE SP RIMBORSATO");
    expect(numbers(report.rows)).toEqual(["1/2026", "2/2026"]);
    const byNumber = Object.fromEntries(report.rows.map((row) => [row.id.numDocumento, row]));
    expect(byNumber["1/2026"]).toMatchObject({
      id: kept.id,
      cfProprietario: "MTOMRA66A41G224M",
      dataPagamento: "2026-03-10",
      protocollo,
      nomeFile: file.fileName,
      dataInvio: "2026-03-20",
      tipoInvio: "I",
      totals: [{ tipoSpesa: "SP", amountCents: 7000 }],
      refundedTotals: [{ tipoSpesa: "SP", amountCents: 2050 }],
    });
    expect(byNumber["2/2026"]).toMatchObject({
      nomeFile: "SERVIZIO SINCRONO",
      dataInvio: "2026-04-02",
      tipoInvio: "V",
      totals: [{ tipoSpesa: "SP", amountCents: 12345 }],
      refundedTotals: [],
    });
    expect(report.exchanges[0].response).toMatch(/<fileCSV>\[base64 omesso: \d+ byte\]<\/fileCSV>/);

    const april = await client.getMonthlyReport({ month: "2026-04", tipoEstrazione: "P" });
    if (april.kind !== "ok") throw new Error(april.kind);
    expect(numbers(april.rows)).toEqual(["1-NC-2026", "4/2026"]);
    expect(april.rows.find((row) => row.tipoInvio === "R")?.totals).toEqual([{ tipoSpesa: "SP", amountCents: 2050 }]);
  });

  it('lists by the date of the last transmission with tipoEstrazione "I" (the default)', async () => {
    let now = new Date("2026-03-31T10:00:00Z");
    const sim = await startSimulator({ now: () => now });
    const client = clientFor(sim);
    const sentInMarch = invoice();
    await client.sendDocument(sentInMarch);
    now = new Date("2026-04-01T10:00:00Z");
    const sentInApril = invoice();
    await client.sendDocument(sentInApril);
    const march = await client.getMonthlyReport({ month: "2026-03" });
    const april = await client.getMonthlyReport({ month: "202604" });
    if (march.kind !== "ok" || april.kind !== "ok") throw new Error("report failed");
    expect(march.tipoEstrazione).toBe("I");
    expect(numbers(march.rows)).toEqual([sentInMarch.id.numDocumento]);
    expect(numbers(april.rows)).toEqual([sentInApril.id.numDocumento]);
  });

  it("lists 40 planted documents (starting mid-year) and none of another owner's", async () => {
    const sim = await startSimulator({ users: [{ ...KIT_CREDENTIALS }, OTHER_USER] });
    const documents = Array.from({ length: 40 }, (_, i) => ({
      id: { pIva: PIVA, dataEmissione: `2026-02-${String((i % 28) + 1).padStart(2, "0")}`, numDocumento: `P${i}` },
      items: [{ tipoSpesa: "SP", amountCents: 5000 + i }],
      dataInvio: "2026-03-02",
    }));
    await admin(sim, "documents", { documents });
    await admin(sim, "documents", {
      cfProprietario: OTHER_USER.cfProprietario,
      id: { pIva: "12345678903", dataEmissione: "2026-02-10", numDocumento: "ALTRO-1" },
      items: [{ tipoSpesa: "SP", amountCents: 100 }],
    });
    const report = await clientFor(sim).getMonthlyReport({ month: "2026-02", tipoEstrazione: "P" });
    if (report.kind !== "ok") throw new Error(report.kind);
    expect(report.rows).toHaveLength(40);
    expect(report.rows.find((row) => row.id.numDocumento === "P7")).toMatchObject({
      dataPagamento: "2026-02-08",
      nomeFile: "INSERIMENTO DA PORTALE",
      dataInvio: "2026-03-02",
      totals: [{ tipoSpesa: "SP", amountCents: 5007 }],
    });
    const other = await clientFor(sim, { credentials: OTHER_USER }).getMonthlyReport({
      month: "2026-02",
      tipoEstrazione: "P",
    });
    if (other.kind !== "ok") throw new Error(other.kind);
    expect(numbers(other.rows)).toEqual(["ALTRO-1"]);
  });

  it("reads the CSV by header name: reordered columns and an unknown one give the same rows", async () => {
    const sim = await startSimulator();
    const client = clientFor(sim);
    await client.sendDocument(invoice({ items: [{ tipoSpesa: "SP", amountCents: 4400, naturaIVA: "N4" }] }));
    const standard = await client.getMonthlyReport({ month: "2026-03", tipoEstrazione: "P" });
    await admin(sim, "config", { csvLayout: "reordered" });
    const reordered = await client.getMonthlyReport({ month: "2026-03", tipoEstrazione: "P" });
    if (standard.kind !== "ok" || reordered.kind !== "ok") throw new Error("report failed");
    expect(reordered.header[0]).toBe("NOTE SIMULATORE");
    expect(reordered.header.slice(1)).toEqual([...standard.header].reverse());
    expect(reordered.rows[0].extra).toEqual({
      ...standard.rows[0].extra,
      "NOTE SIMULATORE": "colonna non documentata",
    });
    const { extra: _ignored, ...typed } = reordered.rows[0];
    const { extra: _standardExtra, ...standardTyped } = standard.rows[0];
    expect(typed).toEqual(standardTyped);
    expect(typed.totals).toEqual([{ tipoSpesa: "SP", amountCents: 4400 }]);
  });

  it("answers an empty month with no rows, and classifies refusals and credentials failures", async () => {
    const sim = await startSimulator();
    const client = clientFor(sim);
    expect(await client.getMonthlyReport({ month: "2025-01" })).toMatchObject({ kind: "ok", header: [], rows: [] });
    expect(await client.getMonthlyReport({ month: "2025-01", tipoEstrazione: "X" })).toMatchObject({
      kind: "permanent",
      code: "X006",
    });
    expect(
      await clientFor(sim, { credentials: { pincode: "1111111111" } }).getMonthlyReport({ month: "2025-01" }),
    ).toMatchObject({ kind: "credentials", code: "104" });
    expect(
      await clientFor(sim, { credentials: { password: "no" } }).getMonthlyReport({ month: "2025-01" }),
    ).toMatchObject({
      kind: "credentials",
      code: "AUTH",
    });
    await expect(client.getMonthlyReport({ month: "2026-13" })).rejects.toBeInstanceOf(StsValidationError);
    await expect(client.getMonthlyReport({ month: "2026-01", tipoEstrazione: "ip" })).rejects.toBeInstanceOf(
      StsValidationError,
    );
  });
});
