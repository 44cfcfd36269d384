import { z } from "zod";
import { normalizeCodiceFiscale, validateCodiceFiscale } from "../domain/codice-fiscale";
import { parseDocumentDate } from "../domain/dates";

export const MIN_PASSWORD_VALIDITY_DAYS = 30;
export const MAX_PASSWORD_VALIDITY_DAYS = 180;
// The STS PINCODE has 10 digits; a little slack so that a future change of length is not refused outright.
const PIN_MIN_DIGITS = 8;
const PIN_MAX_DIGITS = 12;
const PIN_USUAL_DIGITS = 10;

export type StsSettingsSchemaOptions = {
  /** Resolves the two-digit birth year of the codice fiscale. */
  today: Date;
  /** Secrets are write-only: an empty field keeps the stored one, so it is required only when none is stored. */
  hasPassword: boolean;
  hasPincode: boolean;
};

// Password and PIN are compared as typed: the warnings below are about what the trim removed or what looks pasted.
const secret = z.string().max(200, "Massimo 200 caratteri.").default("");

export function makeStsSettingsSchema({ today, hasPassword, hasPincode }: StsSettingsSchemaOptions) {
  return z
    .object({
      cfTitolare: z.string().default(""),
      username: z.string().default(""),
      password: secret,
      pincode: secret,
      autoSend: z.boolean().default(false),
      autoSendFrom: z.string().trim().default(""),
      passwordValidityDays: z.string().trim().default(""),
    })
    .superRefine((v, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
      const cf = validateCodiceFiscale(v.cfTitolare, { today });
      if (!cf.ok) issue("cfTitolare", `${cf.message}.`);
      else if (cf.value.kind !== "personal")
        issue("cfTitolare", "Indica il codice fiscale personale (16 caratteri) con cui accedi al Sistema TS.");

      const username = normalizeUsername(v.username);
      if (username !== "" && !/^[A-Z0-9]{6,20}$/.test(username)) {
        issue(
          "username",
          "Il codice identificativo ha da 6 a 20 lettere o cifre, senza spazi né simboli. Se non ne hai uno diverso, lascia vuoto.",
        );
      }

      const password = v.password.trim();
      if (password === "" && v.password !== "") issue("password", "La password non può essere fatta solo di spazi.");
      else if (password === "" && !hasPassword)
        issue("password", "Inserisci la password che usi sul portale Sistema TS.");

      const pincode = v.pincode.trim();
      if (pincode === "" && !hasPincode) issue("pincode", "Inserisci il PIN (PINCODE) del Sistema TS.");
      else if (pincode !== "") {
        const pinError = pincodeError(pincode);
        if (pinError) issue("pincode", pinError);
      }

      if (v.autoSendFrom !== "") {
        const from = parseDocumentDate(v.autoSendFrom);
        if (!from.ok) issue("autoSendFrom", `${from.message}.`);
      } else if (v.autoSend) {
        issue("autoSendFrom", "Per attivare l'invio automatico indica la data minima delle fatture da inviare.");
      }

      if (v.passwordValidityDays !== "" && validityDays(v.passwordValidityDays) === null) {
        issue(
          "passwordValidityDays",
          `Indica un numero di giorni tra ${MIN_PASSWORD_VALIDITY_DAYS} e ${MAX_PASSWORD_VALIDITY_DAYS}, oppure lascia vuoto.`,
        );
      }
    })
    .transform((v) => {
      const cfTitolare = normalizeCodiceFiscale(v.cfTitolare);
      const from = v.autoSendFrom === "" ? null : parseDocumentDate(v.autoSendFrom);
      return {
        cfTitolare,
        username: normalizeUsername(v.username) || cfTitolare,
        /** null: keep the stored secret. */
        password: v.password.trim() || null,
        pincode: v.pincode.trim() || null,
        autoSend: v.autoSend,
        autoSendFrom: from?.ok ? from.value : null,
        passwordValidityDays: v.passwordValidityDays === "" ? null : validityDays(v.passwordValidityDays),
      };
    });
}

function normalizeUsername(input: string): string {
  return input.trim().toUpperCase();
}

function validityDays(input: string): number | null {
  if (!/^\d{1,3}$/.test(input)) return null;
  const days = Number(input);
  return days >= MIN_PASSWORD_VALIDITY_DAYS && days <= MAX_PASSWORD_VALIDITY_DAYS ? days : null;
}

function pincodeError(pincode: string): string | null {
  if (/\s/.test(pincode)) return "Il PIN contiene spazi: inseriscilo di seguito, solo cifre.";
  if (!/^\d+$/.test(pincode))
    return "Il PIN è fatto solo di cifre: copialo dal PDF nella tua area riservata del portale Sistema TS.";
  if (pincode.length < PIN_MIN_DIGITS || pincode.length > PIN_MAX_DIGITS) {
    return `Il PIN del Sistema TS ha ${PIN_USUAL_DIGITS} cifre: ne hai inserite ${pincode.length}. Controlla di averlo copiato per intero.`;
  }
  return null;
}

/**
 * Non-blocking advice about what was typed in the secret fields: STS compares them exactly, and a space or a
 * typographic character picked up while copying from a PDF is the usual reason for "wrong PIN" or "user not recognised".
 */
export function stsSecretWarnings(input: { password?: string; pincode?: string }): Record<string, string[]> {
  const warnings: Record<string, string[]> = {};
  const add = (field: string, message: string) => (warnings[field] ??= []).push(message);
  const password = input.password ?? "";
  if (password.trim() !== "") {
    if (password !== password.trim())
      add("password", "Abbiamo tolto gli spazi all'inizio o alla fine della password (capita copiando e incollando).");
    if (/\s/.test(password.trim()))
      add("password", "La password contiene spazi: controlla che facciano davvero parte della password.");
    const risky = riskyPasswordCharacters(password.trim());
    if (risky.length > 0) {
      add(
        "password",
        `La password contiene ${risky.join(", ")}: il Sistema TS è segnalato rifiutare password con questi caratteri (il punto invece funziona). Puoi salvarla lo stesso; se la verifica non riesce, cambia la password sul portale Sistema TS usando lettere senza accenti, cifre e il punto.`,
      );
    }
    if (/[^\x20-\x7E€\p{L}]/u.test(password.trim())) {
      add(
        "password",
        "La password contiene caratteri insoliti (virgolette tipografiche o caratteri invisibili): controlla di averla scritta come sul portale.",
      );
    }
  }
  const pincode = input.pincode ?? "";
  if (pincode.trim() !== "") {
    if (pincode !== pincode.trim()) add("pincode", "Abbiamo tolto gli spazi all'inizio o alla fine del PIN.");
    const digits = pincode.trim();
    if (
      /^\d+$/.test(digits) &&
      digits.length !== PIN_USUAL_DIGITS &&
      digits.length >= PIN_MIN_DIGITS &&
      digits.length <= PIN_MAX_DIGITS
    ) {
      add("pincode", `Il PIN del Sistema TS di solito ha ${PIN_USUAL_DIGITS} cifre; questo ne ha ${digits.length}.`);
    }
  }
  return warnings;
}

/**
 * The characters practitioners report STS refusing in passwords (€, &, accented letters, some punctuation; the dot is
 * reported safe), named by kind so that the warning never repeats the password itself.
 */
function riskyPasswordCharacters(password: string): string[] {
  const found: string[] = [];
  if (password.includes("€")) found.push("il simbolo €");
  if (password.includes("&")) found.push("la &");
  if (/[^\x00-\x7F]/.test(password) && /\p{L}/u.test(password.replace(/[\x00-\x7F]/g, "")))
    found.push("lettere accentate");
  if (/[!"#$%'()*+,\-/:;<=>?@[\\\]^_`{|}~]/.test(password)) found.push("segni di punteggiatura diversi dal punto");
  return found;
}

/**
 * Non-blocking advice about the codice identificativo: it is the codice fiscale for a practitioner; the portal's
 * nickname does not work with the web services, and STS answers it with a confusing "MTOM" error.
 */
export function stsUsernameWarnings(input: { username?: string; cfTitolare?: string }): Record<string, string[]> {
  const username = normalizeUsername(input.username ?? "");
  if (username === "" || username === normalizeUsername(input.cfTitolare ?? "")) return {};
  if (PERSONAL_CF.test(username)) return {};
  return {
    username: [
      "Questo non sembra un codice fiscale: se è il nickname con cui entri nel portale, non funziona con i servizi di invio (il Sistema TS risponde con un errore confuso sul «messaggio MTOM»). Lascia vuoto per usare il codice fiscale, a meno che il Sistema TS non ti abbia assegnato davvero un codice diverso.",
    ],
  };
}

const PERSONAL_CF = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

export type StsSettingsSchema = ReturnType<typeof makeStsSettingsSchema>;
export type StsSettingsInput = z.input<StsSettingsSchema>;
export type StsSettingsData = z.output<StsSettingsSchema>;
/** What the settings form sends to its action. */
export type StsSettingsFormValues = {
  cfTitolare: string;
  username: string;
  password: string;
  pincode: string;
  autoSend: boolean;
  autoSendFrom: string;
  passwordValidityDays: string;
};
