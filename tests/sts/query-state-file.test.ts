import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { admin, clientFor, invoice, startSimulator } from "./helpers";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function stateFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "sts-sim-"));
  dirs.push(dir);
  return join(dir, "state.json");
}

describe("what the query services answer survives a simulator restart (--state-file)", () => {
  it("keeps sent and planted documents, refunds and citizen reports", async () => {
    const file = stateFile();
    const first = await startSimulator({ stateFile: file });
    const doc = invoice();
    await clientFor(first).sendDocument(doc);
    await admin(first, "documents", {
      id: { ...doc.id, dataEmissione: "2026-04-01", numDocumento: "NC-S" },
      refundOf: doc.id,
      items: [{ tipoSpesa: "SP", amountCents: 1200 }],
    });
    await admin(first, "citizen-reports", { id: doc.id, dataSegnalazione: "2026-04-03", segnalazioni: ["Errato"] });
    await first.close();

    const second = await startSimulator({ stateFile: file });
    const client = clientFor(second);
    expect(await client.queryDocument(doc.id)).toMatchObject({
      kind: "present",
      document: { refundedTotals: [{ tipoSpesa: "SP", amountCents: 1200 }] },
    });
    expect(await client.getCitizenReport(doc.id)).toMatchObject({
      kind: "reported",
      document: { reports: ["Errato"] },
    });
  });

  it("reads a state file written before the query services (no links, no reports)", async () => {
    const file = stateFile();
    const first = await startSimulator({ stateFile: file });
    const doc = invoice();
    const client = clientFor(first);
    await client.sendDocument(doc);
    await client.sendDocument(
      invoice({
        operation: "R",
        refundOf: doc.id,
        id: { ...doc.id, dataEmissione: "2026-04-01", numDocumento: "NC-OLD" },
        dataPagamento: "2026-04-01",
        items: [{ tipoSpesa: "SP", amountCents: 900, naturaIVA: "N4" }],
      }),
    );
    await first.close();
    // Strip what older versions did not write.
    const state = JSON.parse(readFileSync(file, "utf8"));
    delete state.citizenReports;
    for (const stored of Object.values(state.documents) as Array<Record<string, unknown>>) {
      for (const field of ["refunds", "nomeFile", "dataInvio", "tipoInvio", "messages"]) delete stored[field];
    }
    writeFileSync(file, JSON.stringify(state));

    const second = await startSimulator({ stateFile: file });
    const found = await clientFor(second).queryDocument(doc.id);
    expect(found).toMatchObject({
      kind: "present",
      document: { refundedTotals: [{ tipoSpesa: "SP", amountCents: 900 }], nomeFile: null, tipoInvio: null },
    });
    expect(await clientFor(second).getCitizenReports({ from: "2026-01-01", to: "2026-12-31" })).toMatchObject({
      kind: "ok",
      rows: [],
    });
  });
});
