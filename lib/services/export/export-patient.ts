import { zipSync } from "fflate";
import type { Db } from "../../db";
import { isoDate } from "../../domain/dates";
import { getPatientOrThrow } from "../patients/get-patient-or-throw";
import { invoicePdfFile, manifestOf, type ExportFile } from "./export-contents";

const json = (path: string, value: unknown): ExportFile => ({
  path,
  bytes: new TextEncoder().encode(JSON.stringify(value, null, 2) + "\n"),
});

/**
 * A patient's own data, on request (portability): the card, every document issued to them with its lines, and
 * the documents' PDFs, with a manifest. The practitioner's notes on the patient are included: they are about them.
 */
export async function exportPatientData(options: { db: Db; practitionerId: string; patientId: string; now?: Date }) {
  const { db, practitionerId } = options;
  const patient = await getPatientOrThrow(options);
  const invoices = await db.invoice.findMany({
    where: { practitionerId, patientId: patient.id, status: { not: "draft" } },
    include: { lines: { orderBy: { position: "asc" } } },
    omit: { stsRecord: true, stsRecordRev: true, issuerSnapshot: true },
    orderBy: { issueDate: "asc" },
  });
  const { searchText: _search, practitionerId: _owner, ...card } = patient;
  const files: ExportFile[] = [json("paziente.json", card), json("documenti.json", invoices)];
  for (const invoice of invoices) files.push(await invoicePdfFile(db, practitionerId, invoice.id));
  const now = options.now ?? new Date();
  const entries = Object.fromEntries(files.map((f) => [f.path, f.bytes]));
  entries["manifest.json"] = json("manifest.json", { createdAt: now.toISOString(), files: manifestOf(files) }).bytes;
  const name = [patient.lastName, patient.firstName, patient.companyName].filter(Boolean).join("-") || "paziente";
  return {
    bytes: zipSync(entries, { level: 6, mtime: now }),
    fileName: `dati-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${isoDate(now)}.zip`,
  };
}
