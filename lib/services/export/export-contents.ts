import { createHash } from "node:crypto";
import type { Db } from "../../db";
import { exportInvoicesCsv, csvCell } from "../invoices/export-invoices-csv";
import { renderInvoicePdfFor } from "../invoices/invoice-pdf";
import { documentNumberLabel } from "../../presentation/invoices/labels";
import { parseInvoiceFilters } from "../../schemas/invoice-filters";

export type ExportFile = { path: string; bytes: Uint8Array };
export type ManifestEntry = { path: string; bytes: number; sha256: string };

const encoder = new TextEncoder();
const text = (path: string, content: string): ExportFile => ({ path, bytes: encoder.encode(content) });
const json = (path: string, value: unknown) => text(path, JSON.stringify(value, null, 2) + "\n");

const PATIENT_COLUMNS = [
  ["Cognome", "lastName"],
  ["Nome", "firstName"],
  ["Ragione sociale", "companyName"],
  ["Codice fiscale", "codiceFiscale"],
  ["Partita IVA", "partitaIva"],
  ["Email", "email"],
  ["Telefono", "phone"],
  ["Indirizzo", "address"],
  ["CAP", "postalCode"],
  ["Città", "city"],
  ["Provincia", "province"],
] as const;

// What the settings export keeps: the profile as printed on invoices, and the STS choices — never the encrypted
// password or PIN (a list of what to keep, so that a secret column added later stays out).
const STS_SETTINGS_KEPT = { cfTitolare: true, username: true, autoSend: true, autoSendFrom: true } as const;

/** Patients, invoices and credit notes (CSV and JSON), settings without secrets, STS submissions. */
export async function dataFiles(db: Db, practitionerId: string): Promise<ExportFile[]> {
  const patients = await db.patient.findMany({ where: { practitionerId }, orderBy: { createdAt: "asc" } });
  const patientCsv = [
    PATIENT_COLUMNS.map(([label]) => label).join(";"),
    ...patients.map((p) => PATIENT_COLUMNS.map(([, key]) => csvCell(p[key] ?? "")).join(";")),
  ];
  const invoices = await db.invoice.findMany({
    where: { practitionerId },
    include: { lines: { orderBy: { position: "asc" } } },
    orderBy: [{ issueDate: "asc" }, { createdAt: "asc" }],
  });
  const profile = await db.profile.findUnique({ where: { practitionerId } });
  const sts = await db.stsSettings.findUnique({ where: { practitionerId }, select: STS_SETTINGS_KEPT });
  const submissions = await db.stsSubmission.findMany({
    where: { practitionerId },
    omit: { receiptPdf: true, errorsCsv: true, lockedBy: true, lockedUntil: true },
    include: { documents: true },
    orderBy: { createdAt: "asc" },
  });
  return [
    text("pazienti.csv", "\uFEFF" + patientCsv.join("\r\n") + "\r\n"),
    json("pazienti.json", patients),
    text("fatture.csv", await exportInvoicesCsv({ db, practitionerId, filters: parseInvoiceFilters({}) })),
    json(
      "fatture.json",
      invoices.map((i) => ({ ...i, documentNumber: documentNumberLabel(i) })),
    ),
    json("impostazioni.json", { profilo: profile, sts }),
    json("sts/invii.json", submissions),
  ];
}

/** The ids of the documents whose PDF goes into the export, and the submissions with a receipt or error file. */
export async function fileSources(db: Db, practitionerId: string) {
  const invoices = await db.invoice.findMany({
    where: { practitionerId },
    select: { id: true },
    orderBy: { issueDate: "asc" },
  });
  const submissions = await db.stsSubmission.findMany({
    where: { practitionerId, OR: [{ receiptPdf: { not: null } }, { errorsCsv: { not: null } }] },
    select: { id: true },
  });
  return { invoiceIds: invoices.map((i) => i.id), submissionIds: submissions.map((s) => s.id) };
}

export async function invoicePdfFile(db: Db, practitionerId: string, invoiceId: string): Promise<ExportFile> {
  const { pdf, fileName } = await renderInvoicePdfFor({ db, practitionerId, invoiceId });
  // Drafts have no number: their id keeps the names apart.
  const name = fileName.includes("bozza") ? fileName.replace(/\.pdf$/, `-${invoiceId}.pdf`) : fileName;
  return { path: `pdf/${name}`, bytes: pdf };
}

export async function submissionFiles(db: Db, practitionerId: string, submissionId: string): Promise<ExportFile[]> {
  const s = await db.stsSubmission.findFirst({
    where: { id: submissionId, practitionerId },
    select: { id: true, protocollo: true, receiptPdf: true, errorsCsv: true },
  });
  if (!s) return [];
  const reference = (s.protocollo ?? "").replace(/[^A-Za-z0-9_-]/g, "") || s.id;
  const files: ExportFile[] = [];
  if (s.receiptPdf) files.push({ path: `sts/ricevuta-${reference}.pdf`, bytes: s.receiptPdf });
  if (s.errorsCsv) files.push({ path: `sts/errori-${reference}.csv`, bytes: s.errorsCsv });
  return files;
}

export function manifestOf(files: ExportFile[]): ManifestEntry[] {
  return files.map((f) => ({
    path: f.path,
    bytes: f.bytes.byteLength,
    sha256: createHash("sha256").update(f.bytes).digest("hex"),
  }));
}
