import { describe, expect, it } from "vitest";
import { guessMapping } from "../../lib/domain/import/columns";
import { planImport } from "../../lib/services/import/plan-import";
import { readImportTable } from "../../lib/services/import/read-table";
import { runImport } from "../../lib/services/import/run-import";
import { buildCodiceFiscale } from "../../prisma/seed/factories/codice-fiscale";
import { registerTestPractitioner, testDb } from "./test-db";

const NOW = new Date("2026-11-20T10:00:00Z");

function csvOf(rows: string[][]) {
  const text = rows.map((r) => r.join(",")).join("\r\n");
  return readImportTable({ name: "pazienti.csv", bytes: new TextEncoder().encode("\uFEFF" + text) });
}

describe("import of a patients list from CSV", () => {
  it("lists row errors, imports the fixed list, and a second import changes nothing", async () => {
    const p = await registerTestPractitioner("import-patients");
    const db = testDb();
    const cf = (n: number) => buildCodiceFiscale({ sequence: 8_100_000 + n });
    const header = ["Cognome", "Nome", "Codice Fiscale", "E-mail", "Città", "Prov."];
    const good = [
      ["Rossi", "Anna", cf(1), "anna@example.it", "Roma", "RM"],
      ["Bianchi", "Luca", cf(2), "", "Milano", "MI"],
    ];
    const bad = await csvOf([header, ...good, ["Verdi", "", cf(3), "non-una-mail", "Torino", "TO"], good[0]!]);
    const mapping = guessMapping("patients", bad.headers);
    expect(mapping).toEqual({ lastName: 0, firstName: 1, codiceFiscale: 2, email: 3, city: 4, province: 5 });
    const options = { layout: "patients" as const, mapping, sentByDefault: false };
    const plan = await planImport(db, { practitionerId: p.id, table: bad, import: options, now: NOW });
    expect(plan.errors).toEqual([
      { line: 4, messages: ["Email: L'email non è valida.", "Nome: Indica il nome."] },
      { line: 5, messages: ["Codice fiscale ripetuto in un'altra riga del file"] },
    ]);

    const fixed = await csvOf([header, ...good]);
    const first = await runImport({ db, practitionerId: p.id, actorId: p.id, table: fixed, import: options, now: NOW });
    expect(first).toMatchObject({ createdPatients: 2, unchangedPatients: 0, createdInvoices: 0 });
    const again = await runImport({ db, practitionerId: p.id, actorId: p.id, table: fixed, import: options, now: NOW });
    expect(again).toMatchObject({ createdPatients: 0, unchangedPatients: 2 });
    const stored = await db.patient.findMany({ where: { practitionerId: p.id }, orderBy: { lastName: "asc" } });
    expect(stored.map((s) => [s.lastName, s.city, s.province, s.email])).toEqual([
      ["Bianchi", "Milano", "MI", null],
      ["Rossi", "Roma", "RM", "anna@example.it"],
    ]);
  });
});
