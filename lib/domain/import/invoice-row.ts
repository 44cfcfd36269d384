import { parseDocumentDate, type IsoDate } from "../dates";
import { parseEuroToCents } from "../money";
import { isPaymentMethod, type PaymentMethod } from "../payment";

/** One invoice row as read from the file, before the patient and the database are looked at. */
export type InvoiceRowValues = {
  number: number;
  year: number;
  issueDate: IsoDate;
  description: string;
  amountCents: number;
  totalCents: number | null;
  paymentDate: IsoDate | null;
  paymentMethod: PaymentMethod | null;
  sentToSts: boolean;
};

export type RowParse<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const YES = new Set(["si", "sì", "s", "yes", "y", "x", "1", "true", "vero", "inviata"]);
const NO = new Set(["no", "n", "0", "false", "falso", ""]);
const METHOD_NAMES: Record<string, PaymentMethod> = {
  contanti: "contanti",
  carta: "carta",
  "carta di credito": "carta",
  bancomat: "pos",
  pos: "pos",
  bonifico: "bonifico",
  "bonifico bancario": "bonifico",
  assegno: "assegno",
};

export const DEFAULT_DESCRIPTION = "Prestazione professionale";

/**
 * "12" or "12/2026" (the year must be the invoice's): Parcella's numbers are whole numbers per calendar year, so a
 * number another tool wrote with letters ("A12", "12-bis") is refused rather than renumbered.
 */
export function parseImportedNumber(text: string, year: number): number | string {
  const match = /^([1-9]\d{0,8})(?:\s*\/\s*(\d{4}))?$/.exec(text.trim());
  if (!match) return "Numero non valido: usa un numero intero (es. 12 o 12/2026)";
  if (match[2] && Number(match[2]) !== year) return `Il numero indica l'anno ${match[2]}, la data l'anno ${year}`;
  return Number(match[1]);
}

export function parseSentFlag(text: string, fallback: boolean): boolean | string {
  const value = text.trim().toLowerCase();
  if (value === "") return fallback;
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  return "Indica sì o no in «Già inviata a STS»";
}

/** Checks the invoice's own fields; `today` bounds the dates (no invoice or payment in the future). */
export function parseInvoiceRow(
  cells: Record<string, string>,
  options: { today: IsoDate; sentByDefault: boolean },
): RowParse<InvoiceRowValues> {
  const errors: string[] = [];
  const cell = (key: string) => (cells[key] ?? "").trim();

  const date = parseDocumentDate(cell("issueDate"));
  if (!date.ok) errors.push(`Data: ${date.message}`);
  else if (date.value > options.today) errors.push("Data: la fattura non può avere una data futura");
  const year = date.ok ? Number(date.value.slice(0, 4)) : 0;

  let number = 0;
  if (cell("number") === "") errors.push("Numero: manca il numero della fattura");
  else if (date.ok) {
    const parsed = parseImportedNumber(cell("number"), year);
    if (typeof parsed === "string") errors.push(`Numero: ${parsed}`);
    else number = parsed;
  }

  const amount = parseEuroToCents(cell("amount"), { allowZero: false });
  if (!amount.ok) errors.push(`Importo: ${amount.message}`);

  let totalCents: number | null = null;
  if (cell("total") !== "") {
    const total = parseEuroToCents(cell("total"), { allowZero: false });
    if (!total.ok) errors.push(`Totale: ${total.message}`);
    else totalCents = total.value;
  }

  let paymentDate: IsoDate | null = null;
  if (cell("paymentDate") !== "") {
    const paid = parseDocumentDate(cell("paymentDate"));
    if (!paid.ok) errors.push(`Data pagamento: ${paid.message}`);
    else if (paid.value > options.today) errors.push("Data pagamento: non può essere futura");
    else if (date.ok && paid.value < date.value) errors.push("Data pagamento: è precedente alla data della fattura");
    else paymentDate = paid.value;
  }

  let paymentMethod: PaymentMethod | null = null;
  const methodText = cell("paymentMethod").toLowerCase();
  if (methodText !== "") {
    const method = METHOD_NAMES[methodText] ?? (isPaymentMethod(methodText) ? methodText : null);
    if (!method) errors.push("Metodo di pagamento: usa contanti, carta, POS, bonifico o assegno");
    paymentMethod = method;
  }

  const sent = parseSentFlag(cell("sentToSts"), options.sentByDefault);
  if (typeof sent === "string") errors.push(sent);

  if (errors.length > 0 || !date.ok || !amount.ok || typeof sent === "string") return { ok: false, errors };
  return {
    ok: true,
    value: {
      number,
      year,
      issueDate: date.value,
      description: cell("description") || DEFAULT_DESCRIPTION,
      amountCents: amount.value,
      totalCents,
      paymentDate,
      paymentMethod,
      sentToSts: sent,
    },
  };
}
