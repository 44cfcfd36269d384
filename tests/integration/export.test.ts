import { describe, expect, it } from "vitest";
import { findAllInvoices } from "../../lib/data/invoice-list";
import { parseInvoiceFilters } from "../../lib/schemas/invoice-filters";
import { getExportDownload, getLatestExport } from "../../lib/services/export/run-export";
import { DEMO_EMAIL, seedDemo } from "../../prisma/seed/seed";
import { exportedFiles } from "./export-harness";
import { appErrorOf, testDb } from "./test-db";

const cents = (text: string) => Math.round(Number(text.replaceAll(".", "").replace(",", ".")) * 100);

describe("full export", () => {
  it("holds every document's PDF, a CSV whose totals match the list, and a manifest of every file", async () => {
    const now = new Date("2026-11-26T09:00:00Z");
    await seedDemo(testDb(), { now });
    const demo = await testDb().practitioner.findUniqueOrThrow({ where: { email: DEMO_EMAIL } });
    const { id, fileName, files } = await exportedFiles(demo.id, now);
    expect(fileName).toBe("parcella-esportazione-2026-11-26.zip");

    const documents = await testDb().invoice.count({ where: { practitionerId: demo.id } });
    const pdfs = Object.keys(files).filter((path) => path.startsWith("pdf/"));
    expect(pdfs).toHaveLength(documents);
    for (const path of pdfs) expect(Buffer.from(files[path]!.subarray(0, 5)).toString()).toBe("%PDF-");

    // The CSV's "Totale" column adds up to the list's total (credit notes subtract, voided invoices count 0).
    const csv = new TextDecoder()
      .decode(files["fatture.csv"])
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    const totalColumn = csv[0]!.split(";").indexOf("Totale");
    const csvTotal = csv.slice(1).reduce((sum, line) => sum + cents(line.split(";")[totalColumn]!), 0);
    let listTotal = 0;
    let listed = 0;
    for await (const row of findAllInvoices(testDb(), demo.id, parseInvoiceFilters({}))) {
      listed += 1;
      if (row.status !== "void") listTotal += row.kind === "credit_note" ? -row.totalCents : row.totalCents;
    }
    expect(csv.length - 1).toBe(listed);
    expect(csvTotal).toBe(listTotal);
    expect(csvTotal).toBeGreaterThan(0);

    const json = JSON.parse(new TextDecoder().decode(files["fatture.json"])) as unknown[];
    expect(json).toHaveLength(documents);
    const patients = JSON.parse(new TextDecoder().decode(files["pazienti.json"])) as unknown[];
    expect(patients).toHaveLength(15);

    const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"])) as { files: { path: string }[] };
    expect(manifest.files.map((f) => f.path).sort()).toEqual(
      Object.keys(files)
        .filter((p) => p !== "manifest.json")
        .sort(),
    );

    // Downloadable for a limited time only.
    const later = new Date(now.getTime() + 25 * 3_600_000);
    expect((await getLatestExport({ db: testDb(), practitionerId: demo.id, now: later }))?.status).toBe("expired");
    const expired = await appErrorOf(
      getExportDownload({ db: testDb(), practitionerId: demo.id, exportId: id, now: later }),
    );
    expect(expired.code).toBe("not_found");
  }, 600_000);
});
