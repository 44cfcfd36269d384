import { PDFDocument, PDFFont, PDFPage, rgb, type RGB } from "pdf-lib";
import { toWinAnsi } from "./win-ansi";
import { wrapText } from "./wrap-text";

export const A4: [number, number] = [595.28, 841.89];
export const MARGIN_X = 50;
const MARGIN_TOP = 50;

export type TextStyle = { font: PDFFont; size: number; color?: RGB; lineHeight?: number };

/**
 * A cursor that moves down the page and opens a new page when the next block does not fit.
 * All drawing goes through here, so every string is made WinAnsi-safe in one place.
 */
export class PageFlow {
  page!: PDFPage;
  y = 0;
  /** Called after each page break, e.g. to repeat the table header. */
  onNewPage: (() => void) | null = null;

  constructor(
    private readonly doc: PDFDocument,
    private readonly bottom: number,
  ) {
    this.addPage();
  }

  addPage(): void {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN_TOP;
    this.onNewPage?.();
  }

  ensure(height: number): void {
    if (this.y - height < this.bottom) this.addPage();
  }

  /** Wraps and draws a paragraph at x, breaking pages between lines. */
  paragraph(text: string, x: number, width: number, style: TextStyle): void {
    const lineHeight = style.lineHeight ?? style.size * 1.3;
    for (const line of wrap(text, width, style)) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      drawLine(this.page, line, x, this.y + lineHeight * 0.25, style);
    }
  }

  /** One line, right-aligned at rightX on the current baseline (numbers in tables). */
  rightText(text: string, rightX: number, baseline: number, style: TextStyle): void {
    const safe = toWinAnsi(text).replaceAll("\n", " ");
    drawLine(this.page, safe, rightX - style.font.widthOfTextAtSize(safe, style.size), baseline, style);
  }

  rule(x1: number, x2: number, y: number, thickness = 0.5): void {
    this.page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness, color: rgb(0.75, 0.75, 0.75) });
  }
}

export function wrap(text: string, width: number, style: TextStyle): string[] {
  return wrapText(toWinAnsi(text), width, (s) => style.font.widthOfTextAtSize(s, style.size));
}

export function drawLine(page: PDFPage, safeLine: string, x: number, baseline: number, style: TextStyle): void {
  if (safeLine === "") return;
  page.drawText(safeLine, { x, y: baseline, size: style.size, font: style.font, color: style.color ?? rgb(0, 0, 0) });
}
