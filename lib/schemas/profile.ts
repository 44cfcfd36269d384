import { z } from "zod";
import { normalizeCodiceFiscale, validateCodiceFiscale } from "../domain/codice-fiscale";
import { validateIban } from "../domain/iban";
import { validatePartitaIva } from "../domain/partita-iva";
import { DEFAULT_STS_EXPENSE_TYPE, STS_EXPENSE_TYPES } from "../domain/sts-expense-type";
import { TAX_REGIMES } from "../domain/tax-regime";
import { EmailSchema } from "./account";

// Field schemas shared with the patient form. Empty optional fields become null (what the database stores).
export const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .default("")
    .transform((v) => v || null);

export const OptionalPostalCodeSchema = z
  .string()
  .trim()
  .regex(/^(\d{5})?$/, "Il CAP ha 5 cifre.")
  .default("")
  .transform((v) => v || null);

export const OptionalProvinceSchema = z
  .string()
  .trim()
  .regex(/^([A-Za-z]{2})?$/, "Sigla di 2 lettere.")
  .default("")
  .transform((v) => v.toUpperCase() || null);

export const OptionalPhoneSchema = z
  .string()
  .trim()
  .regex(/^(\+?[0-9 ./-]{6,20})?$/, "Il numero di telefono non è valido.")
  .default("")
  .transform((v) => v || null);

export const OptionalEmailSchema = z
  .string()
  .trim()
  .default("")
  .pipe(z.union([z.literal(""), EmailSchema], { error: "L'email non è valida." }))
  .transform((v) => v || null);

const requiredText = (min: number, max: number, missing: string, tooLong: string) =>
  z.string({ error: missing }).trim().min(min, missing).max(max, tooLong);

export const BOLLO_POLICIES = ["patient", "practitioner"] as const;
export type BolloPolicy = (typeof BOLLO_POLICIES)[number];

export const MAX_PENSION_FUND_RATE_BP = 1000;

/**
 * "2", "2,5", "2.25", "0" → basis points (250 = 2,5%). Integer arithmetic on the digits, never floats,
 * so "2,55" is exactly 255.
 */
export function parsePercentToBasisPoints(input: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(input.trim().replace(/\s*%$/, ""));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** 250 → "2,5": the rate as the practitioner typed it, for the form's initial value. */
export function basisPointsToPercentInput(basisPoints: number): string {
  const decimals = String(basisPoints % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return `${Math.floor(basisPoints / 100)}${decimals ? `,${decimals}` : ""}`;
}

export type ProfileSchemaOptions = {
  /** Resolves the two-digit birth year of the codice fiscale. */
  today: Date;
  /** The STS kit P.IVA fails the checksum; accepted only when the app talks to the simulator or the test service. */
  allowKitTestPartitaIva: boolean;
};

export function makeProfileSchema({ today, allowKitTestPartitaIva }: ProfileSchemaOptions) {
  return z
    .object({
      displayName: requiredText(2, 120, "Indica il nome come deve comparire in fattura.", "Massimo 120 caratteri."),
      profession: requiredText(2, 80, "Indica la professione.", "Massimo 80 caratteri.").default("Psicologo/a"),
      alboRegistration: optionalText(160, "Massimo 160 caratteri."),
      codiceFiscale: z.string().default(""),
      partitaIva: z.string().default(""),
      address: requiredText(3, 200, "Indica l'indirizzo dello studio.", "Massimo 200 caratteri."),
      postalCode: z
        .string()
        .trim()
        .regex(/^\d{5}$/, "Il CAP ha 5 cifre."),
      city: requiredText(2, 100, "Indica il comune.", "Massimo 100 caratteri."),
      province: z
        .string()
        .trim()
        .regex(/^[A-Za-z]{2}$/, "Sigla di 2 lettere.")
        .transform((v) => v.toUpperCase()),
      phone: OptionalPhoneSchema,
      email: OptionalEmailSchema,
      taxRegime: z.enum(TAX_REGIMES, { error: "Scegli il regime fiscale." }),
      pensionFundLabel: z.string().trim().max(40, "Massimo 40 caratteri.").default("ENPAP"),
      pensionFundRate: z.string().default("2"),
      bolloPolicy: z.enum(BOLLO_POLICIES, { error: "Scegli chi paga l'imposta di bollo." }),
      defaultExpenseType: z
        .enum(STS_EXPENSE_TYPES, { error: "Scegli il tipo di spesa." })
        .default(DEFAULT_STS_EXPENSE_TYPE),
      iban: z.string().trim().default(""),
      invoiceFooter: optionalText(500, "Il piè di pagina può avere al massimo 500 caratteri."),
    })
    .superRefine((v, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
      const cf = validateCodiceFiscale(v.codiceFiscale, { today });
      if (!cf.ok) issue("codiceFiscale", `${cf.message}.`);
      else if (cf.value.kind !== "personal")
        issue("codiceFiscale", "Indica il tuo codice fiscale personale (16 caratteri).");
      const piva = validatePartitaIva(v.partitaIva, { allowKitTestValue: allowKitTestPartitaIva });
      if (!piva.ok) issue("partitaIva", `${piva.message}.`);
      const rate = parsePercentToBasisPoints(v.pensionFundRate);
      if (rate === null) issue("pensionFundRate", "Indica una percentuale come 2 o 2,5 (al massimo due decimali).");
      else if (rate > MAX_PENSION_FUND_RATE_BP) issue("pensionFundRate", "La percentuale non può superare il 10%.");
      else if (rate > 0 && v.pensionFundLabel === "")
        issue("pensionFundLabel", "Indica la cassa previdenziale (es. ENPAP).");
      if (v.iban !== "") {
        const iban = validateIban(v.iban);
        if (!iban.ok) issue("iban", `${iban.message}.`);
      }
    })
    .transform(({ pensionFundRate, ...v }) => ({
      ...v,
      codiceFiscale: normalizeCodiceFiscale(v.codiceFiscale),
      partitaIva: unwrap(validatePartitaIva(v.partitaIva, { allowKitTestValue: allowKitTestPartitaIva })),
      pensionFundRateBp: parsePercentToBasisPoints(pensionFundRate) ?? 0,
      iban: v.iban === "" ? null : unwrap(validateIban(v.iban)),
    }));
}

// Only reached after superRefine accepted the value.
function unwrap(result: { ok: true; value: string } | { ok: false; message: string }): string {
  if (!result.ok) throw new Error(`unreachable: ${result.message}`);
  return result.value;
}

export type ProfileSchema = ReturnType<typeof makeProfileSchema>;
/** What the form sends: every field as typed. */
export type ProfileInput = z.input<ProfileSchema>;
/** What the database stores. */
export type ProfileData = z.output<ProfileSchema>;
/** The form's fields as text (the choices too): what the profile form sends to its action. */
export type ProfileFormValues = { [K in keyof ProfileInput]-?: string };
