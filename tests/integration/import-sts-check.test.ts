import { describe, expect, it } from "vitest";
import { findStsInvoices } from "../../lib/data/sts-documents";
import { guessMapping } from "../../lib/domain/import/columns";
import { parseStsIdentity } from "../../lib/domain/sts/record";
import { runImport } from "../../lib/services/import/run-import";
import { readImportTable } from "../../lib/services/import/read-table";
import { reconcileYear } from "../../lib/services/sts-reconciliation/reconcile-year";
import { stsItemsOf, parseStsRecord } from "../../lib/services/sts/sts-view";
import { buildCodiceFiscale } from "../../prisma/seed/factories/codice-fiscale";
import { stsPractitioner, useSimulator } from "./sts-harness";
import { testDb } from "./test-db";

// Invoices imported as "già inviate a STS" are trusted only until "Verifica su STS": the ones STS does not hold show
// up as differences to send, not silently skipped.
const simulator = useSimulator();
const NOW = new Date("2026-11-20T10:00:00Z");

describe("imported invoices marked as sent", () => {
  it("are checked against STS: the one it holds matches, the two it lacks are flagged", async () => {
    const p = await stsPractitioner("import-sts");
    const cf = buildCodiceFiscale({ sequence: 7_777_777 });
    const csv = [
      "Numero;Data;Cognome;Nome;Codice fiscale;Importo;Data pagamento;Metodo pagamento;Inviata STS",
      `1;10/02/2026;Neri;Ada;${cf};70,00;10/02/2026;carta;sì`,
      `2;11/02/2026;Neri;Ada;${cf};70,00;11/02/2026;carta;sì`,
      `3;12/02/2026;Neri;Ada;${cf};70,00;12/02/2026;carta;sì`,
    ].join("\n");
    const table = await readImportTable({ name: "fatture.csv", bytes: new TextEncoder().encode(csv) });
    const mapping = guessMapping("invoices", table.headers);
    const options = { layout: "invoices" as const, mapping, sentByDefault: false };
    await runImport({ db: testDb(), practitionerId: p.id, actorId: p.id, table, import: options, now: NOW });

    const imported = await findStsInvoices(testDb(), p.id, {});
    const first = imported.find((i) => i.number === 1)!;
    const held = parseStsRecord(first.stsRecord).held!;
    const { pIva, issueDate, numDocumento } = parseStsIdentity(held.identity);
    const items = stsItemsOf(first).map((i) => ({ tipoSpesa: i.expenseType, amountCents: i.amountCents }));
    const res = await fetch(`${simulator.sim.url}/__admin/documents`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        documents: [{ id: { pIva, dataEmissione: issueDate, numDocumento }, dataPagamento: issueDate, items }],
      }),
    });
    expect(res.status).toBe(200);

    const found = await reconcileYear({ db: testDb(), practitionerId: p.id, year: 2026, now: NOW });
    const flagged = found.differences.map((d) => ({ kind: d.kind, label: d.label, fix: d.fix }));
    expect(flagged).toEqual([
      { kind: "missing_on_sts", label: expect.stringContaining("2/2026"), fix: "send" },
      { kind: "missing_on_sts", label: expect.stringContaining("3/2026"), fix: "send" },
    ]);
  }, 300_000);
});
