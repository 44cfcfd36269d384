import { z } from "zod";
import { normalizeCodiceFiscale, validateCodiceFiscale } from "../domain/codice-fiscale";
import { isoDate, parseDocumentDate } from "../domain/dates";
import { validatePartitaIva } from "../domain/partita-iva";
import {
  OptionalEmailSchema,
  OptionalPhoneSchema,
  OptionalPostalCodeSchema,
  OptionalProvinceSchema,
  optionalText,
} from "./profile";

export const PATIENT_KINDS = ["person", "company"] as const;
export type PatientKind = (typeof PATIENT_KINDS)[number];

export type PatientSchemaOptions = {
  /** Resolves the codice fiscale's two-digit birth year and bounds the opposition date. */
  today: Date;
};

const name = (max: number) => z.string().trim().max(max, `Massimo ${max} caratteri.`).default("");

const PatientFieldsSchema = z.object({
  kind: z.enum(PATIENT_KINDS, { error: "Scegli il tipo di paziente." }).default("person"),
  firstName: name(80),
  lastName: name(80),
  companyName: name(160),
  foreign: z.boolean().default(false),
  codiceFiscale: z.string().default(""),
  partitaIva: z.string().default(""),
  email: OptionalEmailSchema,
  phone: OptionalPhoneSchema,
  address: optionalText(200, "Massimo 200 caratteri."),
  postalCode: OptionalPostalCodeSchema,
  city: optionalText(100, "Massimo 100 caratteri."),
  province: OptionalProvinceSchema,
  opposesSts: z.boolean().default(false),
  opposesStsSince: z.string().trim().default(""),
  notes: optionalText(2000, "Le note possono avere al massimo 2000 caratteri."),
});
type PatientFields = z.output<typeof PatientFieldsSchema>;

/**
 * One schema for the three kinds of patient: a person with an Italian codice fiscale, a foreign person without
 * one (never sent to STS), and a company or business client (identified by P.IVA, never sent to STS either).
 */
export function makePatientSchema({ today }: PatientSchemaOptions) {
  const todayIso = isoDate(today);
  return PatientFieldsSchema.superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.kind === "company") {
      if (v.companyName === "") issue("companyName", "Indica la ragione sociale.");
      const piva = validatePartitaIva(v.partitaIva);
      if (!piva.ok) issue("partitaIva", `${piva.message}.`);
      if (v.codiceFiscale.trim() !== "") {
        const cf = validateCodiceFiscale(v.codiceFiscale, { today });
        if (!cf.ok) issue("codiceFiscale", `${cf.message}.`);
      }
      return;
    }
    if (v.firstName === "") issue("firstName", "Indica il nome.");
    if (v.lastName === "") issue("lastName", "Indica il cognome.");
    if (!v.foreign) {
      const cf = validateCodiceFiscale(v.codiceFiscale, { today });
      if (!cf.ok) issue("codiceFiscale", `${cf.message}.`);
      // STS identifies the citizen by the 16-character personal code (cfCittadino).
      else if (cf.value.kind !== "personal")
        issue("codiceFiscale", "Per una persona serve il codice fiscale di 16 caratteri.");
    }
    if (v.opposesSts && v.opposesStsSince !== "") {
      const since = parseDocumentDate(v.opposesStsSince);
      if (!since.ok) issue("opposesStsSince", `${since.message}.`);
      else if (since.value > todayIso) issue("opposesStsSince", "La data dell'opposizione non può essere futura.");
    }
  }).transform((v) => toPatientData(v, today, todayIso));
}

function toPatientData(v: PatientFields, today: Date, todayIso: string) {
  const base = {
    email: v.email,
    phone: v.phone,
    address: v.address,
    postalCode: v.postalCode,
    city: v.city,
    province: v.province,
    notes: v.notes,
  };
  if (v.kind === "company") {
    const cf = normalizeCodiceFiscale(v.codiceFiscale);
    return {
      ...base,
      kind: "company" as PatientKind,
      firstName: null,
      lastName: null,
      companyName: v.companyName,
      codiceFiscale: cf || null,
      foreign: false,
      partitaIva: unwrap(validatePartitaIva(v.partitaIva)),
      birthDate: null,
      opposesSts: false,
      opposesStsSince: null,
    };
  }
  const cf = v.foreign ? null : validateCodiceFiscale(v.codiceFiscale, { today });
  const personal = cf?.ok && cf.value.kind === "personal" ? cf.value : null;
  return {
    ...base,
    kind: "person" as PatientKind,
    firstName: v.firstName,
    lastName: v.lastName,
    companyName: null,
    codiceFiscale: personal?.value ?? null,
    foreign: v.foreign,
    partitaIva: null,
    birthDate: personal?.birthDate ?? null,
    opposesSts: v.opposesSts,
    // Ticked without a date: the opposition starts today.
    opposesStsSince: v.opposesSts
      ? v.opposesStsSince === ""
        ? todayIso
        : unwrap(parseDocumentDate(v.opposesStsSince))
      : null,
  };
}

// Only reached after superRefine accepted the value.
function unwrap<T>(result: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(`unreachable: ${result.message}`);
  return result.value;
}

export type PatientSchema = ReturnType<typeof makePatientSchema>;
/** What the form sends: every field as typed. */
export type PatientInput = z.input<PatientSchema>;
/** What the database stores (without the practitioner, the search text and the archive date). */
export type PatientData = z.output<PatientSchema>;
/** What the patient form sends to its actions: text fields as typed, the two checkboxes as booleans. */
export type PatientFormValues = { [K in Exclude<keyof PatientInput, "foreign" | "opposesSts">]-?: string } & {
  foreign: boolean;
  opposesSts: boolean;
};
