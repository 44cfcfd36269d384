// The seed server's "sts-log" command (seed-server.ts): inserts one completed submission of the given invoices as the
// STS transmission would leave it — one document rejected with S011, one accepted with W003, a receipt PDF, an errors
// CSV and two redacted SOAP exchanges.
import type { Db } from "../../lib/db";

// A minimal well-formed one-page PDF: enough for the download's type and signature.
const RECEIPT_PDF = [
  "%PDF-1.4",
  "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
  "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
  "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj",
  "trailer << /Root 1 0 R >>",
  "%%EOF",
  "",
].join("\n");

export async function seedStsLog(
  db: Db,
  practitionerId: string,
  options: { invoiceIds: [string, string]; protocollo: string },
): Promise<{ submissionId: string }> {
  const { invoiceIds, protocollo } = options;
  const csv = `protocollo;identificativo;esito;codice;descrizione\n${protocollo};65498732105|2026-03-10|1|1;1;S011;IL CF DEL CITTADINO RISULTA FORMALMENTE ERRATO\n`;
  const submission = await db.stsSubmission.create({
    data: {
      practitionerId,
      trigger: "manual",
      channel: "async",
      environment: "simulator",
      status: "completed",
      outcome: "partially_rejected",
      fileName: "parcella-e2e.zip",
      protocollo,
      acceptedAt: "10-03-2026 10:15:02",
      documentCount: 2,
      nInviati: 2,
      nAccolti: 1,
      nWarnings: 1,
      nErrori: 1,
      stato: 3,
      receiptPdf: new Uint8Array(Buffer.from(RECEIPT_PDF, "latin1")),
      errorsCsv: new Uint8Array(Buffer.from(csv, "utf8")),
      createdAt: new Date("2026-03-10T09:15:00Z"),
      completedAt: new Date("2026-03-10T09:20:00Z"),
    },
  });
  await db.stsSubmissionDocument.createMany({
    data: [
      {
        submissionId: submission.id,
        invoiceId: invoiceIds[0],
        practitionerId,
        operation: "I",
        identity: "65498732105|2026-03-10|1|1",
        version: 1,
        outcome: "rejected",
        codes: JSON.stringify([
          { code: "S011", severity: "error", message: "IL CF DEL CITTADINO RISULTA FORMALMENTE ERRATO" },
        ]),
      },
      {
        submissionId: submission.id,
        invoiceId: invoiceIds[1],
        practitionerId,
        operation: "I",
        identity: "65498732105|2026-03-11|1|2",
        version: 1,
        outcome: "accepted_with_warnings",
        codes: JSON.stringify([
          { code: "W003", severity: "warning", message: "IL CF CITTADINO NON PRESENTE IN ARCHIVIO" },
        ]),
      },
    ],
  });
  await db.stsExchange.createMany({
    data: [
      {
        submissionId: submission.id,
        practitionerId,
        operation: "inviaFileMtom",
        url: "http://127.0.0.1:3211/InvioTelematicoSS730pMtomWeb/InvioTelematicoSS730pMtomPort",
        httpStatus: 200,
        durationMs: 184,
        request:
          "<soapenv:Envelope><soapenv:Body><inviaFileMtom><pincode>[REDATTO]</pincode><nomeFileAllegato>parcella-e2e.zip</nomeFileAllegato></inviaFileMtom></soapenv:Body></soapenv:Envelope>",
        response: `<soapenv:Envelope><soapenv:Body><inviaFileMtomResponse><protocollo>${protocollo}</protocollo><codiceEsito>000</codiceEsito></inviaFileMtomResponse></soapenv:Body></soapenv:Envelope>`,
        createdAt: new Date("2026-03-10T09:15:01Z"),
      },
      {
        submissionId: submission.id,
        practitionerId,
        operation: "EsitoInvii",
        url: "http://127.0.0.1:3211/EsitoInvioDatiSpesa730Service/EsitoInvioDatiSpesa730Port",
        httpStatus: 200,
        durationMs: 57,
        request: `<soapenv:Envelope><soapenv:Body><EsitoInvii><protocollo>${protocollo}</protocollo><pincode>[REDATTO]</pincode></EsitoInvii></soapenv:Body></soapenv:Envelope>`,
        response:
          "<soapenv:Envelope><soapenv:Body><EsitoInviiResponse><stato>3</stato><nAccolti>1</nAccolti><nErrori>1</nErrori></EsitoInviiResponse></soapenv:Body></soapenv:Envelope>",
        createdAt: new Date("2026-03-10T09:20:00Z"),
      },
    ],
  });
  return { submissionId: submission.id };
}
