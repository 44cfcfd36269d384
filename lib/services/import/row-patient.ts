import { fieldErrorsOf } from "../../schemas/validation";
import { makePatientSchema, type PatientData } from "../../schemas/patient";
import type { RowParse } from "../../domain/import/invoice-row";

const FIELD_LABELS: Record<string, string> = {
  firstName: "Nome",
  lastName: "Cognome",
  codiceFiscale: "Codice fiscale",
  email: "Email",
  phone: "Telefono",
  address: "Indirizzo",
  postalCode: "CAP",
  city: "Città",
  province: "Provincia",
};

/** A patient read from a row, checked by the same rules as the patient form (a person with an Italian CF). */
export function parsePatientCells(
  schema: ReturnType<typeof makePatientSchema>,
  cells: Record<string, string>,
): RowParse<PatientData> {
  const parsed = schema.safeParse({
    kind: "person",
    firstName: cells.firstName ?? "",
    lastName: cells.lastName ?? "",
    codiceFiscale: cells.codiceFiscale ?? "",
    email: cells.email ?? "",
    phone: cells.phone ?? "",
    address: cells.address ?? "",
    postalCode: cells.postalCode ?? "",
    city: cells.city ?? "",
    province: cells.province ?? "",
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors = Object.entries(fieldErrorsOf(parsed.error)).map(
    ([field, messages]) => `${FIELD_LABELS[field] ?? field}: ${messages.join(" ")}`,
  );
  return { ok: false, errors };
}
