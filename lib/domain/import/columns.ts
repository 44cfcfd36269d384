/**
 * The two layouts an import recognises (a spreadsheet with one row per invoice; a list of patients), their fields,
 * and the headers other tools and hand-made spreadsheets commonly give them. Pure: the file is read elsewhere.
 */
export type ImportLayout = "invoices" | "patients";

export type ImportField = { key: string; label: string; required: boolean; synonyms: string[] };

const PATIENT_NAME_FIELDS: ImportField[] = [
  { key: "lastName", label: "Cognome", required: true, synonyms: ["cognome", "cognome paziente", "surname"] },
  { key: "firstName", label: "Nome", required: true, synonyms: ["nome", "nome paziente", "first name"] },
  {
    key: "codiceFiscale",
    label: "Codice fiscale",
    required: true,
    synonyms: ["codice fiscale", "cf", "c f", "codice fiscale paziente", "cf paziente", "cod fiscale"],
  },
];

export const INVOICE_FIELDS: ImportField[] = [
  {
    key: "number",
    label: "Numero",
    required: true,
    synonyms: ["numero", "numero fattura", "n", "n fattura", "num", "nr", "numero documento"],
  },
  {
    key: "issueDate",
    label: "Data",
    required: true,
    synonyms: ["data", "data fattura", "data emissione", "data documento"],
  },
  ...PATIENT_NAME_FIELDS,
  {
    key: "description",
    label: "Descrizione",
    required: false,
    synonyms: ["descrizione", "prestazione", "causale", "oggetto"],
  },
  {
    key: "amount",
    label: "Compenso (senza rivalsa e bollo)",
    required: true,
    synonyms: ["importo", "compenso", "onorario", "imponibile", "importo prestazione"],
  },
  { key: "total", label: "Totale (per controllo)", required: false, synonyms: ["totale", "totale fattura"] },
  {
    key: "paymentDate",
    label: "Data pagamento",
    required: false,
    synonyms: ["data pagamento", "pagata il", "data incasso", "pagamento"],
  },
  {
    key: "paymentMethod",
    label: "Metodo di pagamento",
    required: false,
    synonyms: ["metodo pagamento", "metodo di pagamento", "modalita pagamento", "tipo pagamento"],
  },
  {
    key: "sentToSts",
    label: "Già inviata a STS",
    required: false,
    synonyms: ["inviata sts", "gia inviata a sts", "inviata a sts", "sts", "trasmessa", "inviata ts"],
  },
];

export const PATIENT_FIELDS: ImportField[] = [
  ...PATIENT_NAME_FIELDS,
  { key: "email", label: "Email", required: false, synonyms: ["email", "e mail", "mail", "posta elettronica"] },
  { key: "phone", label: "Telefono", required: false, synonyms: ["telefono", "cellulare", "tel", "cell"] },
  { key: "address", label: "Indirizzo", required: false, synonyms: ["indirizzo", "via", "residenza"] },
  { key: "postalCode", label: "CAP", required: false, synonyms: ["cap", "codice postale"] },
  { key: "city", label: "Città", required: false, synonyms: ["citta", "comune", "localita"] },
  { key: "province", label: "Provincia", required: false, synonyms: ["provincia", "prov", "pr"] },
];

export function fieldsOf(layout: ImportLayout): ImportField[] {
  return layout === "invoices" ? INVOICE_FIELDS : PATIENT_FIELDS;
}

/** Field key → index of the column it is read from (absent: not imported). */
export type ColumnMapping = Record<string, number>;

/** "Data Fattura", "DATA_FATTURA" and "data fattura:" all read as "data fattura"; accents dropped ("Città"). */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Each field gets the first column whose header is one of its names; a column serves one field at most. */
export function guessMapping(layout: ImportLayout, headers: string[]): ColumnMapping {
  const normalized = headers.map(normalizeHeader);
  const used = new Set<number>();
  const mapping: ColumnMapping = {};
  for (const field of fieldsOf(layout)) {
    const index = normalized.findIndex((h, i) => !used.has(i) && field.synonyms.includes(h));
    if (index >= 0) {
      mapping[field.key] = index;
      used.add(index);
    }
  }
  return mapping;
}

/** A spreadsheet with an invoice number and an amount is a list of invoices; anything else a list of patients. */
export function detectLayout(headers: string[]): ImportLayout {
  const mapping = guessMapping("invoices", headers);
  return mapping.number !== undefined && mapping.amount !== undefined ? "invoices" : "patients";
}

/** The required fields the mapping leaves without a column, by label. */
export function missingRequiredFields(layout: ImportLayout, mapping: ColumnMapping): string[] {
  return fieldsOf(layout)
    .filter((field) => field.required && mapping[field.key] === undefined)
    .map((field) => field.label);
}
