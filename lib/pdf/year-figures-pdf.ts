import { PDFDocument, rgb, StandardFonts } from "pdf-lib";
import { formatCents } from "../domain/money";
import { A4, drawLine, MARGIN_X, PageFlow } from "./page-flow";
import { toWinAnsi } from "./win-ansi";

export type YearFiguresPdfModel = {
  year: number;
  basis: string;
  rows: { label: string; value: string }[];
  bolloIdentifiers: string[];
  months: { name: string; feesCents: number; totalCents: number }[];
};

const RIGHT = A4[0] - MARGIN_X;
const WIDTH = RIGHT - MARGIN_X;
const BAR = rgb(0.16, 0.38, 0.6);

/** The year's figures for the accountant: summary, monthly bars and table, bolli's identifiers. */
export async function renderYearFiguresPdf(model: YearFiguresPdfModel): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const body = { font: regular, size: 10 };
  const strong = { font: bold, size: 10 };
  const flow = new PageFlow(doc, 50);
  flow.paragraph(`Cifre dell'anno ${model.year} (per cassa)`, MARGIN_X, WIDTH, { font: bold, size: 16 });
  flow.y -= 6;
  flow.paragraph(`Conta per i limiti del forfettario: ${model.basis}.`, MARGIN_X, WIDTH, body);
  flow.y -= 8;
  for (const row of model.rows) {
    flow.ensure(15);
    flow.y -= 15;
    drawLine(flow.page, toWinAnsi(row.label), MARGIN_X, flow.y, body);
    flow.rightText(row.value, RIGHT, flow.y, strong);
  }
  flow.y -= 12;
  flow.paragraph("Compensi netti per mese", MARGIN_X, WIDTH, strong);
  const chartHeight = 110;
  flow.ensure(chartHeight + 20);
  const base = flow.y - chartHeight;
  const max = Math.max(1, ...model.months.map((m) => m.feesCents));
  const slot = WIDTH / 12;
  model.months.forEach((m, i) => {
    const height = m.feesCents > 0 ? (m.feesCents / max) * (chartHeight - 10) : 0;
    if (height > 0)
      flow.page.drawRectangle({ x: MARGIN_X + i * slot + 4, y: base, width: slot - 8, height, color: BAR });
    drawLine(flow.page, toWinAnsi(m.name.slice(0, 3)), MARGIN_X + i * slot + 6, base - 12, { font: regular, size: 8 });
  });
  flow.y = base - 20;
  for (const m of model.months) {
    flow.ensure(14);
    flow.y -= 14;
    drawLine(flow.page, toWinAnsi(m.name), MARGIN_X, flow.y, body);
    flow.rightText(formatCents(m.feesCents), RIGHT - 120, flow.y, body);
    flow.rightText(formatCents(m.totalCents), RIGHT, flow.y, body);
  }
  flow.y -= 12;
  const ids = model.bolloIdentifiers.length ? model.bolloIdentifiers.join(", ") : "nessuno";
  flow.paragraph(`Identificativi dei bolli: ${ids}`, MARGIN_X, WIDTH, body);
  return doc.save();
}
