// The messages a practitioner sends to patients: Italian defaults, editable in Impostazioni → E-mail. A template is
// plain text with {placeholders}; an unknown placeholder is left as written, so a typo shows in the preview.
export type MailKind = "invoice" | "reminder" | "statement";

export type MailTemplate = { subject: string; body: string };

export const DEFAULT_TEMPLATES: Record<MailKind, MailTemplate> = {
  invoice: {
    subject: "Fattura n. {numero} del {data}",
    body: [
      "Gentile {paziente},",
      "",
      "in allegato trova la fattura n. {numero} del {data}, di {importo}.",
      "",
      "Cordiali saluti,",
      "{professionista}",
    ].join("\n"),
  },
  reminder: {
    subject: "Promemoria: fattura n. {numero} del {data}",
    body: [
      "Gentile {paziente},",
      "",
      "le ricordo che la fattura n. {numero} del {data}, di {importo}, risulta ancora da saldare.",
      "Se ha già provveduto al pagamento, non tenga conto di questo messaggio.",
      "",
      "Cordiali saluti,",
      "{professionista}",
    ].join("\n"),
  },
  statement: {
    subject: "Riepilogo delle spese sanitarie {anno}",
    body: [
      "Gentile {paziente},",
      "",
      "in allegato trova il riepilogo delle spese sanitarie pagate nel {anno}, di {importo} in totale,",
      "utile per la dichiarazione dei redditi.",
      "",
      "Cordiali saluti,",
      "{professionista}",
    ].join("\n"),
  },
};

/** The placeholders each kind of message knows, shown beside the template editor. */
export const TEMPLATE_PLACEHOLDERS: Record<MailKind, string[]> = {
  invoice: ["paziente", "numero", "data", "importo", "professionista"],
  reminder: ["paziente", "numero", "data", "importo", "professionista"],
  statement: ["paziente", "anno", "importo", "professionista"],
};

export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{([a-z]+)\}/g, (match, name: string) => values[name] ?? match);
}
