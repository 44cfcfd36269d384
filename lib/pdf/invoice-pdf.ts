import { degrees, PDFDocument, rgb, StandardFonts, type PDFFont } from "pdf-lib";
import { formatItalianDate } from "../domain/dates";
import type { InvoicePdfModel } from "./invoice-pdf-model";
import {
  CONTENT_WIDTH,
  drawLinesTable,
  drawParties,
  drawSummary,
  drawWordings,
  RIGHT,
  type Styles,
} from "./invoice-pdf-sections";
import { drawLine, MARGIN_X, PageFlow, wrap } from "./page-flow";
import { toWinAnsi } from "./win-ansi";

const GRAY = rgb(0.4, 0.4, 0.4);
// A footer longer than this is cut: it repeats on every page and must not eat the page.
const MAX_FOOTER_LINES = 6;

/** Renders the invoice or credit note as an A4 PDF. Any user text yields a valid PDF (see toWinAnsi). */
export async function renderInvoicePdf(model: InvoicePdfModel): Promise<Uint8Array> {
  // No automatic metadata: pdf-lib would stamp the current time, and the same invoice must give the same bytes.
  const doc = await PDFDocument.create({ updateMetadata: false });
  const styles = makeStyles(
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  );
  const footerLines = model.footer ? wrap(model.footer, CONTENT_WIDTH, styles.small).slice(0, MAX_FOOTER_LINES) : [];
  const flow = new PageFlow(doc, 36 + (footerLines.length + 1) * 10 + 12);

  drawParties(flow, model, styles);
  flow.y -= 18;
  flow.paragraph(documentTitle(model), MARGIN_X, CONTENT_WIDTH, styles.title);
  flow.y -= 10;
  drawLinesTable(flow, model, styles);
  drawSummary(flow, model, styles);
  drawWordings(flow, model, styles);
  drawFooters(doc, footerLines, styles);
  if (model.draft) drawDraftMark(doc, styles);

  doc.setTitle(toWinAnsi(documentTitle(model)));
  doc.setAuthor(toWinAnsi(model.issuer.name));
  doc.setCreator("Parcella");
  doc.setProducer("Parcella");
  return doc.save();
}

export function documentTitle(model: InvoicePdfModel): string {
  const date = formatItalianDate(model.issueDate);
  if (model.draft) {
    const what = model.kind === "invoice" ? "Fattura" : "Nota di credito";
    return `BOZZA - ${what} non ancora emessa, senza numero (data prevista ${date})`;
  }
  if (model.kind === "invoice") return `Fattura n. ${model.documentNumber} del ${date}`;
  const original = model.creditedInvoice;
  const reference = original
    ? ` (rif. fattura n. ${original.documentNumber} del ${formatItalianDate(original.issueDate)})`
    : "";
  return `Nota di credito n. ${model.documentNumber} del ${date}${reference}`;
}

function makeStyles(regular: PDFFont, bold: PDFFont): Styles {
  return {
    body: { font: regular, size: 10 },
    bold: { font: bold, size: 10 },
    small: { font: regular, size: 8, color: GRAY, lineHeight: 10 },
    label: { font: bold, size: 8, color: GRAY },
    title: { font: bold, size: 14 },
    name: { font: bold, size: 13 },
    total: { font: bold, size: 11 },
  };
}

// "BOZZA" across the middle of every page, light enough to leave the content readable.
function drawDraftMark(doc: PDFDocument, s: Styles): void {
  const text = "BOZZA - NON VALIDA";
  const size = 64;
  const width = s.bold.font.widthOfTextAtSize(text, size);
  for (const page of doc.getPages()) {
    const { width: pageWidth, height: pageHeight } = page.getSize();
    // Rotated 35 degrees about the page's centre.
    const angle = (35 * Math.PI) / 180;
    page.drawText(text, {
      x: pageWidth / 2 - (Math.cos(angle) * width) / 2,
      y: pageHeight / 2 - (Math.sin(angle) * width) / 2,
      size,
      font: s.bold.font,
      color: rgb(0.85, 0.2, 0.2),
      opacity: 0.18,
      rotate: degrees(35),
    });
  }
}

function drawFooters(doc: PDFDocument, footerLines: string[], s: Styles): void {
  const pages = doc.getPages();
  pages.forEach((page, index) => {
    let baseline = 36 + footerLines.length * 10;
    for (const line of footerLines) {
      drawLine(page, line, MARGIN_X, baseline, s.small);
      baseline -= 10;
    }
    const pageLabel = `Pagina ${index + 1} di ${pages.length}`;
    drawLine(page, pageLabel, RIGHT - s.small.font.widthOfTextAtSize(pageLabel, s.small.size), 26, s.small);
  });
}
