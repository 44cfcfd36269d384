import { PDFDocument, rgb, StandardFonts } from "pdf-lib";
import { sexOfCodiceFiscale } from "../domain/codice-fiscale";
import { formatItalianDate } from "../domain/dates";
import { formatCents } from "../domain/money";
import type { PaymentMethod } from "../domain/payment";
import { signatory } from "../domain/profession";
import { A4, drawLine, MARGIN_X, PageFlow, type TextStyle } from "./page-flow";
import { toWinAnsi } from "./win-ansi";

export type ExpenseStatementPdfModel = {
  year: number;
  issuer: {
    name: string;
    professionLines: string[];
    codiceFiscale: string;
    partitaIva: string;
    addressLines: string[];
    city: string | null;
  };
  patient: { name: string; codiceFiscale: string | null; addressLines: string[] };
  entries: {
    kind: "invoice" | "credit_note";
    documentNumber: string;
    creditedDocumentNumber: string | null;
    issueDate: string;
    paymentDate: string;
    paymentMethod: PaymentMethod | null;
    amountCents: number;
  }[];
  totalCents: number;
  /** The statement's date (yyyy-MM-dd), printed beside the signature. */
  date: string;
};

const RIGHT = A4[0] - MARGIN_X;
const WIDTH = RIGHT - MARGIN_X;
const GRAY = rgb(0.4, 0.4, 0.4);
// Table columns (x of each left edge; the amount is right-aligned at RIGHT).
const COLUMNS = { document: MARGIN_X + 4, issueDate: 250, paymentDate: 322, method: 394 };
const DOCUMENT_WIDTH = COLUMNS.issueDate - COLUMNS.document - 6;
// Short labels: the column is narrow and the reader only needs to see whether the payment was traced.
const METHODS: Record<PaymentMethod, string> = {
  contanti: "Contanti",
  carta: "Carta",
  bonifico: "Bonifico",
  pos: "POS",
  assegno: "Assegno",
};

export function expenseStatementTitle(year: number): string {
  return `Dichiarazione riepilogativa delle spese sanitarie sostenute nell'anno ${year}`;
}

/** The patient's annual statement of paid health expenses, for the tax return, as an A4 PDF. */
export async function renderExpenseStatementPdf(model: ExpenseStatementPdfModel): Promise<Uint8Array> {
  // No automatic metadata (creation time): the same statement gives the same bytes.
  const doc = await PDFDocument.create({ updateMetadata: false });
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const s = {
    body: { font: regular, size: 10 },
    bold: { font: bold, size: 10 },
    name: { font: bold, size: 13 },
    title: { font: bold, size: 13 },
    label: { font: bold, size: 8, color: GRAY },
    small: { font: regular, size: 8, color: GRAY, lineHeight: 10 },
    total: { font: bold, size: 11 },
  } satisfies Record<string, TextStyle>;
  const flow = new PageFlow(doc, 60);
  const { issuer, patient } = model;

  flow.paragraph(issuer.name, MARGIN_X, WIDTH, s.name);
  for (const line of [...issuer.professionLines, ...issuer.addressLines]) flow.paragraph(line, MARGIN_X, WIDTH, s.body);
  flow.paragraph(`C.F. ${issuer.codiceFiscale} - P.IVA ${issuer.partitaIva}`, MARGIN_X, WIDTH, s.body);
  flow.y -= 24;
  flow.paragraph(expenseStatementTitle(model.year), MARGIN_X, WIDTH, s.title);
  flow.y -= 10;

  const profession = issuer.professionLines[0] ? `, ${issuer.professionLines[0]},` : "";
  const patientCf = patient.codiceFiscale ? `, codice fiscale ${patient.codiceFiscale},` : "";
  const address = patient.addressLines.length ? ` residente in ${patient.addressLines.join(", ")},` : "";
  flow.paragraph(
    `${signatory(sexOfCodiceFiscale(issuer.codiceFiscale))} ${issuer.name}${profession} dichiara che ${patient.name}${patientCf}${address} ` +
      `ha sostenuto nell'anno ${model.year} le seguenti spese per prestazioni sanitarie, documentate dalle ` +
      `fatture elencate e pagate nell'anno:`,
    MARGIN_X,
    WIDTH,
    s.body,
  );
  flow.y -= 12;

  const header = () => {
    flow.ensure(40);
    flow.page.drawRectangle({ x: MARGIN_X, y: flow.y - 18, width: WIDTH, height: 18, color: rgb(0.93, 0.93, 0.93) });
    const baseline = flow.y - 12.5;
    drawLine(flow.page, "Documento", COLUMNS.document, baseline, s.label);
    drawLine(flow.page, "Data", COLUMNS.issueDate, baseline, s.label);
    drawLine(flow.page, "Pagata il", COLUMNS.paymentDate, baseline, s.label);
    drawLine(flow.page, "Pagamento", COLUMNS.method, baseline, s.label);
    flow.rightText("Importo pagato", RIGHT - 4, baseline, s.label);
    flow.y -= 18;
  };
  header();
  flow.onNewPage = header;
  for (const entry of model.entries) {
    const rowHeight = 16;
    flow.ensure(rowHeight);
    flow.y -= rowHeight;
    const baseline = flow.y + 4;
    drawLine(flow.page, fit(documentLabel(entry), DOCUMENT_WIDTH, s.body), COLUMNS.document, baseline, s.body);
    drawLine(flow.page, formatItalianDate(entry.issueDate), COLUMNS.issueDate, baseline, s.body);
    drawLine(flow.page, formatItalianDate(entry.paymentDate), COLUMNS.paymentDate, baseline, s.body);
    const method = entry.kind === "credit_note" ? "Rimborso" : entry.paymentMethod ? METHODS[entry.paymentMethod] : "";
    drawLine(flow.page, method, COLUMNS.method, baseline, s.body);
    flow.rightText(formatCents(entry.amountCents), RIGHT - 4, baseline, s.body);
    flow.rule(MARGIN_X, RIGHT, flow.y);
  }
  flow.onNewPage = null;

  flow.ensure(28);
  flow.y -= 20;
  drawLine(flow.page, toWinAnsi(`Totale spese sanitarie ${model.year}`), COLUMNS.paymentDate, flow.y + 4, s.total);
  flow.rightText(formatCents(model.totalCents), RIGHT - 4, flow.y + 4, s.total);
  flow.rule(COLUMNS.paymentDate, RIGHT, flow.y - 2, 1);

  flow.y -= 20;
  flow.paragraph(
    "Le spese sono attribuite all'anno della data di pagamento; le note di credito (rimborsi) sono sottratte. " +
      "Gli importi comprendono il contributo previdenziale e, se a carico del paziente, l'imposta di bollo. " +
      "Ai fini della detrazione IRPEF il pagamento deve essere tracciabile (art. 1, c. 679, L. 160/2019).",
    MARGIN_X,
    WIDTH,
    s.small,
  );

  flow.ensure(70);
  flow.y -= 30;
  const place = issuer.city ? `${issuer.city}, ` : "";
  flow.paragraph(`${place}${formatItalianDate(model.date)}`, MARGIN_X, WIDTH / 2, s.body);
  const signatureX = RIGHT - 200;
  drawLine(flow.page, "Firma", signatureX, flow.y + 3, s.body);
  flow.rule(signatureX, RIGHT, flow.y - 28, 0.8);

  doc.setTitle(toWinAnsi(`${expenseStatementTitle(model.year)} - ${patient.name}`));
  doc.setAuthor(toWinAnsi(issuer.name));
  doc.setCreator("Parcella");
  doc.setProducer("Parcella");
  return doc.save();
}

function documentLabel(entry: ExpenseStatementPdfModel["entries"][number]): string {
  if (entry.kind === "invoice") return `Fattura ${entry.documentNumber}`;
  // The credit note's number already reads "NC n/yyyy".
  const reference = entry.creditedDocumentNumber ? ` (rif. fattura ${entry.creditedDocumentNumber})` : "";
  return `${entry.documentNumber}${reference}`;
}

/** One line, cut with "…" when wider than the column. */
function fit(text: string, width: number, style: TextStyle): string {
  let safe = toWinAnsi(text);
  if (style.font.widthOfTextAtSize(safe, style.size) <= width) return safe;
  while (safe.length > 1 && style.font.widthOfTextAtSize(`${safe}…`, style.size) > width) safe = safe.slice(0, -1);
  return `${safe.trimEnd()}…`;
}
