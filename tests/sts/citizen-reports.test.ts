import { describe, expect, it } from "vitest";
import { StsValidationError } from "../../lib/sts/errors";
import { admin, clientFor, invoice, KIT_CREDENTIALS, PIVA, startSimulator } from "./helpers";

const OTHER_USER = {
  username: "BNCLRA85M41F205X",
  password: "Altra123",
  pincode: "1122334455",
  cfProprietario: "BNCLRA85M41F205X",
};

async function adminStatus(url: string, path: string, body: unknown): Promise<number> {
  const response = await fetch(`${url}/__admin/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  await response.text();
  return response.status;
}

describe("DettaglioSegnalazione and ReportSegnalazioni against the simulator", () => {
  it("reads back a planted report on a sent document, with what the citizen reported per item", async () => {
    const sim = await startSimulator({ now: () => new Date("2026-05-04T09:00:00Z") });
    const client = clientFor(sim);
    const doc = invoice({ items: [{ tipoSpesa: "SP", amountCents: 8000, naturaIVA: "N4" }] });
    const sent = await client.sendDocument(doc);
    if (sent.kind !== "accepted") throw new Error(sent.kind);
    const refund = invoice({
      operation: "R",
      refundOf: doc.id,
      id: { ...doc.id, dataEmissione: "2026-04-01", numDocumento: "NC-9" },
      dataPagamento: "2026-04-01",
      items: [{ tipoSpesa: "SP", amountCents: 1500, naturaIVA: "N4" }],
    });
    await client.sendDocument(refund);
    expect(await client.getCitizenReport(doc.id)).toMatchObject({ kind: "none", code: "WS96" });
    const planted = await admin(sim, "citizen-reports", {
      id: doc.id,
      segnalazioni: ["Ho pagato 60 euro, non 80; la seduta era una sola"],
      voci: [{ tipoSpesa: "SP", segnalazioneImporto: "60.00", segnalazioneTipoVoceSpesa: "SR" }],
    });
    expect(planted.reports[0]).toMatchObject({ owner: "MTOMRA66A41G224M", dataSegnalazione: "2026-05-04" });

    const detail = await client.getCitizenReport(doc.id);
    expect(detail).toMatchObject({
      kind: "reported",
      document: {
        id: doc.id,
        dataPagamento: doc.dataPagamento,
        dataInvio: "2026-05-04",
        protocollo: sent.protocollo,
        nomeFile: "SERVIZIO SINCRONO",
        reports: ["Ho pagato 60 euro, non 80; la seduta era una sola"],
        items: [{ tipoSpesa: "SP", amountCents: 8000, reportedAmount: "60.00", reportedTipoSpesa: "SR" }],
        refundedItems: [{ tipoSpesa: "SP", amountCents: 1500, reportedAmount: null, reportedTipoSpesa: null }],
      },
      messages: [{ code: "0" }],
    });
    const request = detail.exchanges[0].request;
    expect(request).toContain('xmlns="http://dettagliosegnalazione.p730.sanita.finanze.it"');
    expect(request).toContain("<cfProprietario>[REDACTED]</cfProprietario>");
    expect(request).toContain("<pincode>[REDACTED]</pincode>");
  });

  it("lists the reports of a period by header name, keeping the columns it does not know", async () => {
    const sim = await startSimulator();
    const client = clientFor(sim);
    const first = invoice();
    const second = invoice({ dataPagamento: "2026-03-11" });
    await client.sendDocument(first);
    await client.sendDocument(second);
    await admin(sim, "citizen-reports", [
      { id: first.id, dataSegnalazione: "2026-04-10", segnalazioni: ["Importo errato"] },
      {
        id: second.id,
        dataSegnalazione: "2026-04-20",
        segnalazioni: ['Prestazione "mai ricevuta"; da verificare'],
        voci: [{ tipoSpesa: "SP", segnalazioneImporto: "0.00" }],
      },
      { id: second.id, dataSegnalazione: "2026-05-02", segnalazioni: ["Fuori periodo"] },
    ]);
    const report = await client.getCitizenReports({ from: "2026-04-01", to: "2026-04-30" });
    if (report.kind !== "ok") throw new Error(`${report.kind} ${report.message}`);
    expect(report.rows).toEqual([
      {
        id: first.id,
        cfProprietario: "MTOMRA66A41G224M",
        dataPagamento: "2026-03-10",
        protocollo: expect.stringMatching(/^\d{17}$/),
        dataSegnalazione: "2026-04-10",
        segnalazione: "Importo errato",
        extra: { "VOCI SEGNALATE": "" },
      },
      {
        id: second.id,
        cfProprietario: "MTOMRA66A41G224M",
        dataPagamento: "2026-03-11",
        protocollo: expect.stringMatching(/^\d{17}$/),
        dataSegnalazione: "2026-04-20",
        segnalazione: 'Prestazione "mai ricevuta"; da verificare',
        extra: { "VOCI SEGNALATE": "SP" },
      },
    ]);
    expect(report.exchanges[0].response).toMatch(/<fileCSV>\[base64 omesso: \d+ byte\]<\/fileCSV>/);

    await admin(sim, "config", { csvLayout: "reordered" });
    const reordered = await client.getCitizenReports({ from: "2026-04-01", to: "2026-04-30" });
    if (reordered.kind !== "ok") throw new Error(reordered.kind);
    expect(reordered.rows.map(({ extra: _extra, ...typed }) => typed)).toEqual(
      report.rows.map(({ extra: _extra, ...typed }) => typed),
    );
    expect(reordered.rows[1].extra).toEqual({ "VOCI SEGNALATE": "SP", "NOTE SIMULATORE": "colonna non documentata" });

    expect(await client.getCitizenReports({ from: "2026-06-01", to: "2026-06-30" })).toMatchObject({
      kind: "ok",
      rows: [],
    });
  });

  it("never shows a report to another owner, and refuses to plant one about a document not held", async () => {
    const sim = await startSimulator({ users: [{ ...KIT_CREDENTIALS }, OTHER_USER] });
    const doc = invoice();
    await clientFor(sim).sendDocument(doc);
    await admin(sim, "citizen-reports", { id: doc.id, dataSegnalazione: "2026-04-10", segnalazioni: ["Errato"] });
    const other = clientFor(sim, { credentials: OTHER_USER });
    expect(await other.getCitizenReport(doc.id)).toMatchObject({ kind: "none", code: "WS96" });
    expect(await other.getCitizenReports({ from: "2026-01-01", to: "2026-12-31" })).toMatchObject({
      kind: "ok",
      rows: [],
    });
    const unknown = { pIva: PIVA, dataEmissione: "2026-03-10", numDocumento: "NON-INVIATO" };
    expect(await adminStatus(sim.url, "citizen-reports", { id: unknown, segnalazioni: ["x"] })).toBe(400);
    expect(
      await adminStatus(sim.url, "citizen-reports", {
        cfProprietario: OTHER_USER.cfProprietario,
        id: doc.id,
        segnalazioni: ["x"],
      }),
    ).toBe(400);
    expect(await adminStatus(sim.url, "citizen-reports", { id: doc.id })).toBe(400);
    expect(sim.context.state.citizenReports).toHaveLength(1);
  });

  it("classifies credentials failures and refuses a wrong period before any call", async () => {
    const sim = await startSimulator();
    const client = clientFor(sim);
    const wrongPin = clientFor(sim, { credentials: { pincode: "1111111111" } });
    expect(await wrongPin.getCitizenReport(invoice().id)).toMatchObject({ kind: "credentials", code: "104" });
    expect(await wrongPin.getCitizenReports({ from: "2026-01-01", to: "2026-01-31" })).toMatchObject({
      kind: "credentials",
      code: "104",
    });
    const wrongOwner = clientFor(sim, { credentials: { cfProprietario: "BNCLRA85M41F205X" } });
    expect(await wrongOwner.getCitizenReports({ from: "2026-01-01", to: "2026-01-31" })).toMatchObject({
      kind: "credentials",
      code: "110",
    });
    await expect(client.getCitizenReports({ from: "2026-02-01", to: "2026-01-31" })).rejects.toBeInstanceOf(
      StsValidationError,
    );
    await expect(client.getCitizenReports({ from: "01-02-2026", to: "2026-02-28" })).rejects.toBeInstanceOf(
      StsValidationError,
    );
    expect((await admin(sim, "counts")).requests).toEqual({ DettaglioSegnalazione: 1, ReportSegnalazioni: 2 });
  });
});
