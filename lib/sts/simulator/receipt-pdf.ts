import { PDFDocument, StandardFonts } from "pdf-lib";
import { STS_STATI } from "../codes";
import type { Submission } from "./state";

/** A one-page receipt with protocollo, date and counts (the real layout is unknown, docs/STS-PROTOCOL.md §6). */
export async function buildReceiptPdf(submission: Submission, dataInvio: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Ricevuta ${submission.protocollo}`);
  pdf.setCreationDate(new Date(submission.receivedAt));
  pdf.setModificationDate(new Date(submission.receivedAt));
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const result = submission.result;
  const lines: Array<[string, string]> = [
    ["Protocollo", submission.protocollo],
    ["Data invio", dataInvio],
    ["Nome file", submission.fileName],
    ["Esito", result ? `${result.stato} - ${STS_STATI[result.stato].description}` : "In elaborazione"],
    ["Documenti inviati", String(result?.nInviati ?? 0)],
    ["Documenti accolti", String(result?.nAccolti ?? 0)],
    ["Documenti con segnalazioni", String(result?.nWarnings ?? 0)],
    ["Documenti scartati", String(result?.nErrori ?? 0)],
  ];
  page.drawText("Sistema Tessera Sanitaria - SIMULATORE Parcella", { x: 50, y: 780, size: 14, font: bold });
  page.drawText("Ricevuta di elaborazione del file (documento di prova, senza valore)", {
    x: 50,
    y: 760,
    size: 10,
    font,
  });
  lines.forEach(([label, value], index) => {
    const y = 720 - index * 20;
    page.drawText(`${label}:`, { x: 50, y, size: 11, font: bold });
    page.drawText(value, { x: 230, y, size: 11, font });
  });
  return pdf.save();
}
