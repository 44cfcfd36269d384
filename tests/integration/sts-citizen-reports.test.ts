import { describe, expect, it } from "vitest";
import {
  countOpenCitizenReports,
  findCitizenReports,
  findInvoiceCitizenReports,
} from "../../lib/data/sts-citizen-reports";
import { isoDate } from "../../lib/domain/dates";
import { parseStsIdentity } from "../../lib/domain/sts/record";
import { fetchCitizenReports } from "../../lib/services/sts-citizen-reports/fetch-citizen-reports";
import { markReportHandled } from "../../lib/services/sts-citizen-reports/mark-report-handled";
import { viewOf } from "../../lib/presentation/sts-citizen-reports/report-view";
import { runDailyCitizenReports } from "../../lib/services/sts-citizen-reports/run-daily-citizen-reports";
import { applyStsEvent } from "../../lib/services/sts/apply-sts-event";
import { statusOf } from "../../lib/services/sts/refresh-sts-state";
import { sendDocumentNow } from "../../lib/services/sts/send-document-now";
import { findStsInvoices } from "../../lib/data/sts-documents";
import { createTestInvoice } from "../../prisma/seed/factories/invoices";
import { stsPractitioner, useSimulator } from "./sts-harness";
import { appErrorOf, testDb } from "./test-db";

// Citizens' reports against the simulator: a report planted about A's accepted invoice is read by the daily job,
// stored once and linked to the invoice with what the citizen reported; reading again stores nothing; marking it
// handled takes it out of the count; B, who uses the same STS user (the kit's), never gets it.

const simulator = useSimulator();

async function admin(path: string, body: unknown) {
  const res = await fetch(`${simulator.sim.url}/__admin/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

/** A practitioner with one invoice STS accepted, and its STS identity. */
async function practitionerWithAcceptedInvoice(label: string) {
  const p = await stsPractitioner(label);
  const invoice = await createTestInvoice(testDb(), p.id, {
    issueDate: "2026-03-02",
    paymentDate: "2026-03-02",
    paymentMethod: "carta",
    patientId: p.patientId,
  });
  expect((await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: invoice.id })).outcome).toBe(
    "accepted",
  );
  const line = await testDb().stsSubmissionDocument.findFirstOrThrow({ where: { invoiceId: invoice.id } });
  return { p, invoiceId: invoice.id, identity: line.identity };
}

function plantReport(identity: string, options: { text: string; reportedOn?: string }) {
  const { pIva, issueDate, dispositivo, numDocumento } = parseStsIdentity(identity);
  return admin("citizen-reports", {
    id: { pIva, dataEmissione: issueDate, dispositivo, numDocumento },
    ...(options.reportedOn ? { dataSegnalazione: options.reportedOn } : {}),
    segnalazioni: [options.text],
    voci: [{ tipoSpesa: "SP", segnalazioneImporto: "Ho pagato 60,00 euro", segnalazioneTipoVoceSpesa: "AA" }],
  });
}

describe("citizen reports", () => {
  it("the daily job stores a planted report once, on its invoice; handled leaves the count; B never sees it", async () => {
    const a = await practitionerWithAcceptedInvoice("citizen-a");
    const b = await practitionerWithAcceptedInvoice("citizen-b");
    await plantReport(a.identity, { text: "Importo diverso da quanto pagato" });
    const now = new Date();
    const ids = [a.p.id, b.p.id];

    const first = await runDailyCitizenReports({ db: testDb(), slot: now, concurrency: 2, practitionerIds: ids, now });
    expect(first).toMatchObject({ practitioners: 2, stored: 1, failed: 0 });
    expect(first.read).toBeGreaterThanOrEqual(2); // both read the kit user's report; only A keeps it

    const [stored] = await findInvoiceCitizenReports(testDb(), a.p.id, a.invoiceId);
    expect(stored).toBeDefined();
    const view = viewOf(stored!);
    expect(view.identity).toBe(a.identity);
    expect(view.reportedOn).toBe(isoDate(now));
    expect(view.texts).toEqual(["Importo diverso da quanto pagato"]);
    expect(view.reportedItems).toEqual([
      {
        tipoSpesa: "SP",
        amountCents: expect.any(Number),
        reportedAmount: "Ho pagato 60,00 euro",
        reportedTipoSpesa: "AA",
      },
    ]);
    expect(await countOpenCitizenReports(testDb(), a.p.id)).toBe(1);
    expect(await countOpenCitizenReports(testDb(), b.p.id)).toBe(0);
    expect(await testDb().stsCitizenReport.count({ where: { practitionerId: b.p.id } })).toBe(0);

    // The same slot again (a second worker): nobody reads twice. A later slot reads again and stores nothing new.
    expect(
      await runDailyCitizenReports({ db: testDb(), slot: now, concurrency: 2, practitionerIds: ids, now }),
    ).toMatchObject({ practitioners: 0, stored: 0 });
    const later = new Date(now.getTime() + 60_000);
    expect(
      await runDailyCitizenReports({ db: testDb(), slot: later, concurrency: 2, practitionerIds: ids, now: later }),
    ).toMatchObject({ practitioners: 2, stored: 0, failed: 0 });
    expect(await testDb().stsCitizenReport.count({ where: { practitionerId: a.p.id } })).toBe(1);

    // B cannot mark A's report handled; A can, and it leaves the count (still listed among the handled ones).
    expect(
      (await appErrorOf(markReportHandled({ db: testDb(), practitionerId: b.p.id, reportId: stored!.id }))).code,
    ).toBe("not_found");
    expect(await countOpenCitizenReports(testDb(), a.p.id)).toBe(1);
    await markReportHandled({ db: testDb(), practitionerId: a.p.id, reportId: stored!.id });
    expect(await countOpenCitizenReports(testDb(), a.p.id)).toBe(0);
    expect(await findCitizenReports(testDb(), a.p.id, { handled: false, take: 50 })).toEqual([]);
    expect((await findCitizenReports(testDb(), a.p.id, { handled: true, take: 50 })).map((r) => r.id)).toEqual([
      stored!.id,
    ]);
  });

  it("reads from where the last reading ended; a second report on the same document is new", async () => {
    const a = await practitionerWithAcceptedInvoice("citizen-period");
    const now = new Date();
    const today = isoDate(now);
    const first = await fetchCitizenReports({ db: testDb(), practitionerId: a.p.id, now });
    expect(first).toMatchObject({ from: `${Number(today.slice(0, 4)) - 1}-01-01`, to: today, stored: 0 });

    await plantReport(a.identity, { text: "Non ho mai ricevuto questa prestazione" });
    const second = await fetchCitizenReports({ db: testDb(), practitionerId: a.p.id, now });
    expect(second).toMatchObject({ from: today, to: today, stored: 1 });
    await plantReport(a.identity, { text: "Il tipo di spesa è sbagliato" });
    expect(await fetchCitizenReports({ db: testDb(), practitionerId: a.p.id, now })).toMatchObject({ stored: 1 });
    expect(await countOpenCitizenReports(testDb(), a.p.id)).toBe(2);
    const reports = await findInvoiceCitizenReports(testDb(), a.p.id, a.invoiceId);
    expect(reports.map((r) => r.text).sort()).toEqual([
      "Il tipo di spesa è sbagliato",
      "Non ho mai ricevuto questa prestazione",
    ]);
  });

  it("links a report to an invoice STS held before Parcella sent anything (adopted in Verifica su STS)", async () => {
    const p = await stsPractitioner("citizen-adopted");
    const invoice = await createTestInvoice(testDb(), p.id, {
      issueDate: "2026-02-14",
      paymentDate: "2026-02-14",
      paymentMethod: "carta",
      patientId: p.patientId,
    });
    const [record] = await findStsInvoices(testDb(), p.id, { ids: [invoice.id] });
    const identity = statusOf(record!, true, isoDate(new Date())).pending[0]!.identity;
    const { pIva, issueDate, numDocumento } = parseStsIdentity(identity);
    // Sent on the STS portal, then typed into Parcella and adopted: held, without a transmission of Parcella's.
    await admin("documents", {
      id: { pIva, dataEmissione: issueDate, numDocumento },
      items: [{ tipoSpesa: "SP", amountCents: 7140 }],
    });
    await applyStsEvent(testDb(), {
      practitionerId: p.id,
      invoiceId: invoice.id,
      submissionId: "",
      event: { type: "reconciled", held: { identity, version: record!.contentVersion, operation: "I", warnings: [] } },
    });
    await plantReport(identity, { text: "Spesa mai sostenuta" });
    expect(await fetchCitizenReports({ db: testDb(), practitionerId: p.id })).toMatchObject({ stored: 1 });
    expect((await findInvoiceCitizenReports(testDb(), p.id, invoice.id)).map((r) => r.text)).toEqual([
      "Spesa mai sostenuta",
    ]);
  });
});
