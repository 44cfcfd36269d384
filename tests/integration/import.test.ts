import { describe, expect, it } from "vitest";
import { guessMapping, detectLayout } from "../../lib/domain/import/columns";
import { planImport } from "../../lib/services/import/plan-import";
import { readImportTable } from "../../lib/services/import/read-table";
import { runImport } from "../../lib/services/import/run-import";
import { parseStsRecord } from "../../lib/services/sts/sts-view";
import { createTestInvoice } from "../../prisma/seed/factories/invoices";
import { createTestPatient } from "../../prisma/seed/factories/patients";
import { createTestProfile } from "../../prisma/seed/factories/profiles";
import { buildImportXlsx, type FixtureOptions } from "../support/import-fixture";
import { appErrorOf, registerTestPractitioner, testDb } from "./test-db";

// Moving in from a spreadsheet: 2,000 invoices of 2026 (January to October), a third of them already sent to STS.
const NOW = new Date("2026-11-20T10:00:00Z");
const BAD_ROWS = Array.from({ length: 20 }, (_, i) => 37 + i * 97);
const FIXTURE: FixtureOptions = { rows: 2000, year: 2026, lastMonth: 10, patients: 150, cfSequence: 900_000 };

async function tableOf(options: FixtureOptions) {
  return readImportTable({ name: "fatture.xlsx", bytes: await buildImportXlsx(options) });
}

describe("import of invoices from XLSX", () => {
  it("lists the 20 bad rows and imports nothing; the fixed file goes in whole, again changes nothing, numbers go on", async () => {
    const p = await registerTestPractitioner("import");
    await createTestProfile(testDb(), p.id);
    const db = testDb();

    const spoiled = await tableOf({ ...FIXTURE, badRows: BAD_ROWS });
    expect(spoiled.rows).toHaveLength(2000);
    expect(detectLayout(spoiled.headers)).toBe("invoices");
    const mapping = guessMapping("invoices", spoiled.headers);
    expect(Object.keys(mapping)).toHaveLength(11);
    const options = { layout: "invoices" as const, mapping, sentByDefault: false };

    const dryRun = await planImport(db, { practitionerId: p.id, table: spoiled, import: options, now: NOW });
    expect(dryRun.errors.map((e) => e.line)).toEqual(BAD_ROWS.map((row) => row + 1));
    const messages = dryRun.errors.map((e) => e.messages.join(" "));
    expect(messages[0]).toMatch(/^Codice fiscale: /);
    expect(messages[1]).toMatch(/^Data: Questa data non esiste/);
    expect(messages[2]).toMatch(/^Importo: Importo non valido/);
    expect(messages[3]).toMatch(/^Numero: Numero non valido/);

    const refused = await appErrorOf(
      runImport({ db, practitionerId: p.id, actorId: p.id, table: spoiled, import: options, now: NOW }),
    );
    expect(refused.userMessage).toBe("20 righe hanno errori: non ho importato nulla.");
    expect(await db.invoice.count({ where: { practitionerId: p.id } })).toBe(0);
    expect(await db.patient.count({ where: { practitionerId: p.id } })).toBe(0);

    const fixed = await tableOf(FIXTURE);
    const imported = await runImport({
      db,
      practitionerId: p.id,
      actorId: p.id,
      table: fixed,
      import: options,
      now: NOW,
    });
    expect(imported).toMatchObject({ createdInvoices: 2000, unchangedInvoices: 0, createdPatients: 150 });
    // The last invoice marked sent is n. 1998 (every third), dated in late October: the day after it.
    expect(imported.suggestedMinimumDate).toMatch(/^2026-10-(2\d|3\d)$/);
    const invoices = await db.invoice.findMany({
      where: { practitionerId: p.id },
      select: { number: true, issueDate: true, totalCents: true, status: true, stsRecord: true, stsState: true },
      orderBy: { number: "asc" },
    });
    expect(invoices).toHaveLength(2000);
    expect(invoices.map((i) => i.number)).toEqual(Array.from({ length: 2000 }, (_, i) => i + 1));
    expect(new Set(invoices.map((i) => i.totalCents))).toEqual(new Set([7140]));
    expect(invoices.every((i) => i.status === "issued")).toBe(true);
    const sent = invoices.filter((i) => parseStsRecord(i.stsRecord).held !== null);
    expect(sent.map((i) => i.number)).toEqual(invoices.filter((i) => i.number! % 3 === 0).map((i) => i.number));
    // Never sent again: the ones marked sent are not among those to send.
    expect(sent.every((i) => i.stsState !== "to_send")).toBe(true);

    const again = await runImport({ db, practitionerId: p.id, actorId: p.id, table: fixed, import: options, now: NOW });
    expect(again).toMatchObject({
      createdInvoices: 0,
      unchangedInvoices: 2000,
      createdPatients: 0,
      unchangedPatients: 150,
    });
    expect(await db.invoice.count({ where: { practitionerId: p.id } })).toBe(2000);
    expect(await db.patient.count({ where: { practitionerId: p.id } })).toBe(150);

    const patient = await createTestPatient(db, p.id);
    const next = await createTestInvoice(db, p.id, { patientId: patient.id, issueDate: "2026-11-02" });
    expect(next).toMatchObject({ year: 2026, number: 2001 });
  }, 900_000); // a hang guard: three dry runs and two imports of 2,000 rows take minutes on a busy PostgreSQL

  it("refuses a number already used with another date, and a date out of the numbers' order", async () => {
    const p = await registerTestPractitioner("import-clash");
    await createTestProfile(testDb(), p.id);
    const db = testDb();
    const patient = await createTestPatient(db, p.id);
    await createTestInvoice(db, p.id, { patientId: patient.id, issueDate: "2026-01-10" });
    const table = await tableOf({ ...FIXTURE, rows: 3 });
    // Line 2 is n. 1 of 01/01/2026 (taken, by the invoice of 10/01); line 4, n. 3, goes back before n. 2 (April).
    table.rows[2]!.cells[1] = "01/01/2026";
    table.rows[2]!.cells[8] = "01/01/2026";
    const mapping = guessMapping("invoices", table.headers);
    const plan = await planImport(db, {
      practitionerId: p.id,
      table,
      import: { layout: "invoices", mapping, sentByDefault: false },
      now: NOW,
    });
    expect(plan.errors).toEqual([
      { line: 2, messages: ["Numero: 1/2026 esiste già, con data 10/01/2026"] },
      { line: 4, messages: [expect.stringMatching(/^Data: 01\/01\/2026 è precedente a quella della fattura 2\/2026/)] },
    ]);
  });
});
