// Catalogue of STS codes with a plain-Italian explanation for a practitioner and the fix as data.
// Official texts (docs/STS-PROTOCOL.md): upload codes §3.4, stato §4, esitoChiamata §7, document codes §11.2.

export type StsFix = "credentials" | "patient" | "invoice" | "profile" | "retry" | "support" | "none";
export type StsSeverity = "error" | "warning" | "info";

export type StsCodeInfo = {
  code: string;
  /** The text STS returns (or the closest known paraphrase). */
  description: string;
  /** What it means for the practitioner, in plain Italian. */
  explanation: string;
  fix: StsFix;
  severity: StsSeverity;
  /** True for codes the Parcella simulator invents where STS has no documented code. */
  simulatorOnly?: boolean;
};

type Row = [code: string, severity: StsSeverity, fix: StsFix, description: string, explanation: string];

const ROWS: Row[] = [
  // Upload service, codiceEsito (docs/STS-PROTOCOL.md §3.4)
  [
    "000",
    "info",
    "none",
    "Il file è in attesa di elaborazione, per conoscerne l'esito è necessario verificare la ricevuta",
    "Il Sistema TS ha ricevuto il file e lo elaborerà a breve.",
  ],
  [
    "002",
    "error",
    "support",
    "PINCODE NON DECIFRABILE",
    "Il Sistema TS non riesce a decifrare i dati cifrati da Parcella: quasi sempre vuol dire che ha cambiato il certificato di cifratura (SanitelCF). Non dipende dal tuo PIN né dalla tua password. Gli invii restano sospesi finché l'amministratore di Parcella non installa il certificato nuovo del kit del Sistema TS (npm run sts -- install-certificate, istruzioni in docs/STS.md); poi ripartono da soli, senza perdere nessuna fattura.",
  ],
  [
    "003",
    "error",
    "credentials",
    "UTENTE NON VALIDO O NON PRESENTE",
    "L'utente Sistema TS indicato non esiste o non è abilitato. Controlla il codice identificativo nelle impostazioni.",
  ],
  [
    "004",
    "error",
    "credentials",
    "CODICE FISCALE DEL MEDICO NON CORRISPONDENTE A QUELLO UTILIZZATO IN FASE DI AUTENTICAZIONE",
    "Il codice fiscale del titolare non corrisponde all'utente con cui si accede. Controlla le impostazioni.",
  ],
  [
    "005",
    "error",
    "credentials",
    "PINCODE DEL MEDICO ERRATO O NON PIU' ATTIVO",
    "Il PIN non è più attivo. Recupera il PIN aggiornato dal portale Sistema TS e inseriscilo nelle impostazioni.",
  ],
  [
    "006",
    "error",
    "profile",
    "MEDICO NON ATTIVO O CF ERRATO",
    "Il titolare non risulta attivo sul Sistema TS o il codice fiscale è errato. Controlla il profilo.",
  ],
  [
    "010",
    "error",
    "credentials",
    "IL CF PROPRIETARIO È DIVERSO DA QUELLO UTILIZZATO IN FASE DI AUTENTICAZIONE",
    "Il codice fiscale del titolare è diverso da quello dell'utente con cui si accede. Controlla le impostazioni.",
  ],
  [
    "101",
    "error",
    "support",
    "IL CAMPO NOMEFILEALLEGATO DEVE ESSERE COMPRESO TRA 6 E 60 CARATTERI E TERMINARE IN .ZIP: IL FILE NON E' STATO ACCOLTO",
    "Il nome del file inviato non è valido. È un problema del programma: contatta l'assistenza.",
  ],
  [
    "102",
    "error",
    "support",
    "L'ALLEGATO NON È UN FILE DI TIPO ZIP VALIDO: IL FILE NON È STATO ACCOLTO",
    "Il file inviato non è uno ZIP valido. È un problema del programma: contatta l'assistenza.",
  ],
  [
    "103",
    "error",
    "support",
    "L'ALLEGATO È VUOTO: IL FILE NON È STATO ACCOLTO",
    "Il file inviato era vuoto. È un problema del programma: contatta l'assistenza.",
  ],
  [
    "104",
    "error",
    "credentials",
    "PINCODE ERRATO",
    "Il PIN inserito è errato. Copialo di nuovo dal portale Sistema TS nelle impostazioni, senza spazi.",
  ],
  [
    "105",
    "error",
    "profile",
    "INVIO PER CONTO IN ASSENZA DI DELEGA ATTIVA",
    "Stai inviando per conto di un altro professionista senza una delega attiva sul Sistema TS.",
  ],
  [
    "106",
    "error",
    "profile",
    "INVIO IN PROPRIO IN PRESENZA DI DELEGA ATTIVA",
    "Sul Sistema TS è attiva una delega a un intermediario: l'invio in proprio non è ammesso finché la delega è attiva.",
  ],
  [
    "107",
    "error",
    "credentials",
    "UTENTE NON RICONOSCIUTO",
    "Il Sistema TS non riconosce l'utente. Controlla codice identificativo e password nelle impostazioni.",
  ],
  [
    "108",
    "error",
    "support",
    "LA DIMENSIONE DEL FILE ALLEGATO SUPERA LA SOGLIA CONSENTITA",
    "Il file supera i 5 MB ammessi. Dividi l'invio in gruppi più piccoli.",
  ],
  [
    "109",
    "error",
    "profile",
    "DATI PROPRIETARIO FORMALMENTE ERRATI",
    "I dati del titolare (codice fiscale, codici struttura) non sono corretti. Controlla il profilo.",
  ],
  [
    "110",
    "error",
    "credentials",
    "IL CF PROPRIETARIO È DIVERSO DAL CF DELLA USER",
    "Il codice fiscale del titolare è diverso da quello dell'utente Sistema TS. Controlla le impostazioni.",
  ],
  ["111", "error", "credentials", "UTENTE AUTENTICATO ENTRATE NON ATTIVO", "L'utenza Entratel non è attiva."],
  [
    "112",
    "error",
    "profile",
    "INTERMEDIARIO ENTRATE NON AUTORIZZATO",
    "L'intermediario non è autorizzato a inviare per conto del professionista.",
  ],
  ["113", "error", "credentials", "PINCODE INCARICANTE ENTRATE NON VALIDO", "Il PIN Entratel non è valido."],
  [
    "114",
    "error",
    "profile",
    "INCARICANTE ENTRATE NON ASSOCIATO",
    "L'incaricante Entratel non è associato all'intermediario.",
  ],
  [
    "200",
    "error",
    "retry",
    "ERRORE NELL'APPLICAZIONE: CONTATTARE L'ASSISTENZA",
    "Errore interno del Sistema TS. L'invio verrà ritentato più tardi.",
  ],
  // Document-level and service-level codes (docs/STS-PROTOCOL.md §11.2)
  ["0", "info", "none", "Operazione eseguita correttamente", "Il documento è stato accolto."],
  [
    "S011",
    "error",
    "patient",
    "IL CF DEL CITTADINO RISULTA FORMALMENTE ERRATO",
    "Il codice fiscale del paziente non è corretto. Correggilo nella scheda del paziente e invialo di nuovo.",
  ],
  [
    "S017",
    "error",
    "none",
    "IDENTIFICATIVO DOCUMENTO FISCALE GIA' PRESENTE",
    "Il Sistema TS ha già questo documento (stessa partita IVA, data e numero). Non serve inviarlo di nuovo; per correggerlo basta modificare la fattura: partirà una variazione.",
  ],
  [
    "S035",
    "error",
    "invoice",
    "PAGAMENTO RIFERITO A UN ANNO CHIUSO",
    "La data di pagamento appartiene a un anno per cui i termini di invio sono chiusi. Controlla la data di pagamento della fattura.",
  ],
  [
    "S050",
    "error",
    "patient",
    "CF CITTADINO FORMALMENTE ERRATO",
    "Il codice fiscale del paziente non è corretto. Correggilo nella scheda del paziente.",
  ],
  [
    "W003",
    "warning",
    "none",
    "IL CF CITTADINO NON PRESENTE IN ARCHIVIO",
    "Documento accolto, ma il codice fiscale del paziente non risulta nell'anagrafe tributaria. Se è un errore di battitura, correggilo nella scheda del paziente: partirà una variazione.",
  ],
  [
    "W008",
    "warning",
    "none",
    "IL DOCUMENTO E' STATO TRASMESSO OLTRE I TERMINI PREVISTI",
    "Documento accolto, ma inviato dopo la scadenza: potrebbero essere applicate sanzioni.",
  ],
  [
    "W010",
    "warning",
    "none",
    "IL DOCUMENTO E' STATO ANNULLATO IN PRECEDENZA",
    "Il documento risulta già cancellato sul Sistema TS.",
  ],
  [
    "W014",
    "warning",
    "none",
    "STESSO PAZIENTE NELLO STESSO GIORNO",
    "Documento accolto; il Sistema TS segnala un altro documento per lo stesso paziente nello stesso giorno. Verifica che non sia un doppione.",
  ],
  [
    "WS37",
    "error",
    "invoice",
    "FILE SCARTATO, CONTROLLARE LA RICEVUTA PDF",
    "L'intero file è stato scartato perché non rispetta il tracciato. Nessun documento è stato accolto: scarica la ricevuta PDF e contatta l'assistenza.",
  ],
  ["WS96", "info", "none", "LA RICERCA NON HA PRODOTTO RISULTATI", "Nessun risultato per la ricerca richiesta."],
  [
    "WS46",
    "error",
    "support",
    "RICHIESTA NON ELABORABILE",
    "Il Sistema TS non ha potuto elaborare la richiesta. Contatta l'assistenza se si ripete.",
  ],
];

// Codes the simulator uses where STS documents no code (see docs/STS.md, "Simulator choices").
const SIMULATOR_ROWS: Row[] = [
  [
    "X001",
    "error",
    "invoice",
    "DOCUMENTO ORIGINALE NON PRESENTE",
    "Variazione, cancellazione o rimborso di un documento che il Sistema TS non ha. Invia prima il documento originale.",
  ],
  [
    "X002",
    "error",
    "patient",
    "CF CITTADINO PRESENTE CON OPPOSIZIONE",
    "Il paziente si è opposto all'invio, ma il codice fiscale è stato trasmesso. Togli il codice fiscale o l'opposizione.",
  ],
  [
    "X003",
    "error",
    "invoice",
    "RIMBORSO NON CONGRUENTE",
    "Il rimborso deve indicare il documento rimborsato e avere la data di pagamento uguale alla data di emissione.",
  ],
  [
    "X004",
    "error",
    "patient",
    "CF CITTADINO NON DECIFRABILE",
    "Il codice fiscale del paziente non è stato cifrato correttamente.",
  ],
  [
    "X005",
    "error",
    "support",
    "PARAMETRI DI RICERCA NON VALIDI",
    "Indica il protocollo oppure un intervallo di date. È un problema del programma: contatta l'assistenza.",
  ],
  [
    "X006",
    "error",
    "support",
    "PARAMETRI DELL'ESTRAZIONE NON VALIDI",
    "Il tipo di estrazione o il periodo richiesto non sono validi. È un problema del programma: contatta l'assistenza.",
  ],
];

function toInfo([code, severity, fix, description, explanation]: Row, simulatorOnly = false): StsCodeInfo {
  return simulatorOnly
    ? { code, severity, fix, description, explanation, simulatorOnly }
    : { code, severity, fix, description, explanation };
}

export const STS_CODES: ReadonlyMap<string, StsCodeInfo> = new Map([
  ...ROWS.map((row) => [row[0], toInfo(row)] as const),
  ...SIMULATOR_ROWS.map((row) => [row[0], toInfo(row, true)] as const),
]);

/** The code that means "STS cannot decrypt what we encrypted": the installation's certificate, not one user's. */
export const CERTIFICATE_REJECTED_CODE = "002";

/**
 * Upload and query codes that stop sending until something is fixed: the credentials or the PIN are wrong (the user
 * fixes them), or STS cannot decrypt with the installation's certificate (002: the administrator installs a new one).
 */
export const CREDENTIAL_CODES: ReadonlySet<string> = new Set([
  ...[...STS_CODES.values()].filter((info) => info.fix === "credentials").map((info) => info.code),
  CERTIFICATE_REJECTED_CODE,
]);

/** Looks a code up; unknown codes get a graceful generic entry (W… warning, anything else error). */
export function describeStsCode(code: string, description?: string): StsCodeInfo {
  const known = STS_CODES.get(code.trim());
  if (known) return known;
  const isWarning = /^W/i.test(code.trim());
  return {
    code,
    description: description ?? "",
    explanation: isWarning
      ? `Documento accolto con una segnalazione del Sistema TS (codice ${code}${description ? `: ${description}` : ""}).`
      : `Il Sistema TS ha restituito il codice ${code}${description ? ` (${description})` : ""}. Se il problema continua, contatta l'assistenza.`,
    fix: isWarning ? "none" : "support",
    severity: isWarning ? "warning" : "error",
  };
}

/** EsitoInvii `stato` values (docs/STS-PROTOCOL.md §4). */
export const STS_STATI: Readonly<Record<number, { description: string; explanation: string }>> = {
  0: { description: "Il file e' in fase di elaborazione", explanation: "Il Sistema TS sta ancora elaborando il file." },
  1: { description: "In corso di elaborazione", explanation: "Il Sistema TS sta ancora elaborando il file." },
  2: { description: "File elaborato correttamente", explanation: "Tutti i documenti sono stati accolti." },
  3: {
    description: "File elaborato con errori",
    explanation: "Alcuni documenti sono stati scartati: vedi il dettaglio degli errori.",
  },
  5: {
    description: "File scartato in fase di Elaborazione",
    explanation: "L'intero file è stato scartato: nessun documento è stato accolto.",
  },
  9: {
    description: "File scartato in fase di Accoglienza",
    explanation: "L'intero file è stato rifiutato alla ricezione: nessun documento è stato accolto.",
  },
};

/** esitoChiamata of the synchronous DocumentoSpesa730p service (docs/STS-PROTOCOL.md §7). */
export const STS_ESITO_CHIAMATA: Readonly<
  Record<string, { description: string; outcome: "accepted" | "rejected" | "accepted_with_warnings" }>
> = {
  "0": { description: "Documento accolto", outcome: "accepted" },
  "1": { description: "Documento scartato", outcome: "rejected" },
  "2": { description: "Documento accolto con segnalazioni", outcome: "accepted_with_warnings" },
};
