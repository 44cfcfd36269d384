import { rgb } from "pdf-lib";
import { formatItalianDate } from "../domain/dates";
import { formatIban } from "../domain/iban";
import { formatBasisPoints, formatCents } from "../domain/money";
import { paymentMethodLabel } from "../domain/payment";
import type { InvoicePdfModel } from "./invoice-pdf-model";
import { A4, drawLine, MARGIN_X, PageFlow, wrap, type TextStyle } from "./page-flow";

// The body of the invoice, top to bottom. Each section draws at the flow's cursor and moves it down.

export type Styles = Record<"body" | "bold" | "small" | "label" | "title" | "name" | "total", TextStyle>;
type Block = { text: string; style: TextStyle }[];

export const CONTENT_WIDTH = A4[0] - 2 * MARGIN_X;
export const RIGHT = A4[0] - MARGIN_X;
// Table columns: description on the left, three right-aligned numbers.
const DESCRIPTION_WIDTH = 270;
const QUANTITY_RIGHT = 380;
const PRICE_RIGHT = 465;

export function drawParties(flow: PageFlow, model: InvoicePdfModel, s: Styles): void {
  const { issuer, patient } = model;
  const issuerBlock: Block = [
    { text: issuer.name, style: s.name },
    ...(issuer.professionLines ?? []).map((text) => ({ text, style: s.body })),
    ...issuer.addressLines.map((text) => ({ text, style: s.body })),
    { text: `C.F. ${issuer.codiceFiscale}`, style: s.body },
    { text: `P.IVA ${issuer.partitaIva}`, style: s.body },
    ...(issuer.phone ? [{ text: `Tel. ${issuer.phone}`, style: s.body }] : []),
    ...(issuer.email ? [{ text: issuer.email, style: s.body }] : []),
    ...(issuer.iban ? [{ text: `IBAN ${formatIban(issuer.iban)}`, style: s.body }] : []),
  ];
  const patientCf = patient.codiceFiscale
    ? `C.F. ${patient.codiceFiscale}`
    : model.stsOpposition
      ? "C.F.: non indicato, il paziente si oppone alla trasmissione STS"
      : "C.F.: non indicato";
  const patientBlock: Block = [
    { text: model.kind === "invoice" ? "INTESTATA A" : "NOTA DI CREDITO A FAVORE DI", style: s.label },
    { text: patient.name, style: s.bold },
    ...patient.addressLines.map((text) => ({ text, style: s.body })),
    { text: patientCf, style: s.body },
  ];

  const leftWidth = 240;
  const rightX = 320;
  const rightWidth = RIGHT - rightX;
  const height = Math.max(blockHeight(issuerBlock, leftWidth), blockHeight(patientBlock, rightWidth));
  const top = flow.y;
  if (top - height >= 100) {
    // Side by side when both fit on the first page (the normal case).
    drawBlock(flow, issuerBlock, MARGIN_X, leftWidth);
    flow.y = top;
    drawBlock(flow, patientBlock, rightX, rightWidth);
    flow.y = top - height;
  } else {
    // Absurdly long names or addresses: stack the blocks and let them run across pages.
    drawBlock(flow, issuerBlock, MARGIN_X, CONTENT_WIDTH);
    flow.y -= 12;
    drawBlock(flow, patientBlock, MARGIN_X, CONTENT_WIDTH);
  }
}

function blockHeight(block: Block, width: number): number {
  return block.reduce((sum, { text, style }) => sum + wrap(text, width, style).length * lineHeightOf(style), 0);
}

function drawBlock(flow: PageFlow, block: Block, x: number, width: number): void {
  for (const { text, style } of block) flow.paragraph(text, x, width, style);
}

function lineHeightOf(style: TextStyle): number {
  return style.lineHeight ?? style.size * 1.3;
}

export function drawLinesTable(flow: PageFlow, model: InvoicePdfModel, s: Styles): void {
  const header = () => {
    flow.ensure(40);
    flow.page.drawRectangle({
      x: MARGIN_X,
      y: flow.y - 18,
      width: CONTENT_WIDTH,
      height: 18,
      color: rgb(0.93, 0.93, 0.93),
    });
    const baseline = flow.y - 12.5;
    drawLine(flow.page, "Descrizione", MARGIN_X + 4, baseline, s.label);
    flow.rightText("Q.tà", QUANTITY_RIGHT, baseline, s.label);
    flow.rightText("Prezzo", PRICE_RIGHT, baseline, s.label);
    flow.rightText("Importo", RIGHT - 4, baseline, s.label);
    flow.y -= 22;
  };
  header();
  flow.onNewPage = header;
  const lineHeight = lineHeightOf(s.body);
  for (const line of model.lines) {
    const descriptionLines = wrap(line.description, DESCRIPTION_WIDTH, s.body);
    descriptionLines.forEach((text, index) => {
      flow.ensure(lineHeight);
      flow.y -= lineHeight;
      const baseline = flow.y + lineHeight * 0.25;
      drawLine(flow.page, text, MARGIN_X + 4, baseline, s.body);
      if (index === 0) {
        flow.rightText(String(line.quantity), QUANTITY_RIGHT, baseline, s.body);
        flow.rightText(formatCents(line.unitPriceCents), PRICE_RIGHT, baseline, s.body);
        flow.rightText(formatCents(line.amountCents), RIGHT - 4, baseline, s.body);
      }
    });
    flow.y -= 4;
    flow.rule(MARGIN_X, RIGHT, flow.y);
  }
  flow.onNewPage = null;
}

export function drawSummary(flow: PageFlow, model: InvoicePdfModel, s: Styles): void {
  const rows: { label: string; cents: number; style: TextStyle }[] = [
    { label: "Totale prestazioni", cents: model.subtotalCents, style: s.body },
  ];
  if (model.pensionFund) {
    const { label, rateBp, amountCents } = model.pensionFund;
    rows.push({ label: `${label} ${formatBasisPoints(rateBp)}`, cents: amountCents, style: s.body });
  }
  if (model.bollo?.chargedTo === "patient")
    rows.push({ label: "Imposta di bollo", cents: model.bollo.amountCents, style: s.body });
  rows.push({
    label: model.kind === "invoice" ? "Totale da pagare" : "Totale nota di credito",
    cents: model.totalDueCents,
    style: s.total,
  });

  const labelX = 300;
  const rowHeight = 16;
  flow.y -= 8;
  flow.ensure(rows.length * rowHeight + 4);
  for (const row of rows) {
    flow.y -= rowHeight;
    const baseline = flow.y + 4;
    drawLine(flow.page, fitText(row.label, PRICE_RIGHT - labelX, row.style), labelX, baseline, row.style);
    flow.rightText(formatCents(row.cents), RIGHT - 4, baseline, row.style);
  }
  flow.rule(labelX, RIGHT, flow.y - 2, 1);
}

/** One line, cut with "…" when it would overlap the amount column. */
function fitText(text: string, width: number, style: TextStyle): string {
  const lines = wrap(text.replaceAll("\n", " "), width, style);
  return lines.length > 1 ? `${lines[0].slice(0, -1)}…` : lines[0];
}

export function drawWordings(flow: PageFlow, model: InvoicePdfModel, s: Styles): void {
  const note = (text: string, style: TextStyle = s.body) => {
    flow.y -= 6;
    flow.paragraph(text, MARGIN_X, CONTENT_WIDTH, style);
  };
  flow.y -= 14;
  if (model.bollo) {
    const payer = model.bollo.chargedTo === "patient" ? "a carico del paziente" : "a carico del professionista";
    const id = model.bollo.identifier ? ` — identificativo: ${model.bollo.identifier}` : "";
    note(`Imposta di bollo assolta sull'originale — ${formatCents(model.bollo.amountCents)} (${payer})${id}`);
  }
  note(model.exemptionWording);
  if (model.stsOpposition) note(model.oppositionWording, s.bold);
  if (model.payment) {
    note(`Pagamento: ${paymentMethodLabel(model.payment.method)}, in data ${formatItalianDate(model.payment.date)}`);
  } else {
    const iban = model.issuer.iban ? ` — bonifico su IBAN ${formatIban(model.issuer.iban)}` : "";
    note(`Pagamento: Da pagare${iban}`);
  }
  if (model.notes) note(model.notes);
}
