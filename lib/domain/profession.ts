// How the practitioner is named in print. Profiles made before the profession was asked hold "Psicologo/a"; the
// personal codice fiscale tells the practitioner's sex, so the PDF never needs a slash.

export type Sex = "M" | "F";

/** "Psicologo/a" → "Psicologa" or "Psicologo"; any other text as typed. */
export function printedProfession(profession: string, sex: Sex | null): string {
  if (!sex) return profession;
  return profession.replace(/([A-Za-zÀ-ÿ]+)o\/a\b/g, (_, stem: string) => `${stem}${sex === "F" ? "a" : "o"}`);
}

/** The subject of a declaration signed by the practitioner. */
export function signatory(sex: Sex | null): string {
  if (sex === "F") return "La sottoscritta";
  if (sex === "M") return "Il sottoscritto";
  return "Il/La sottoscritto/a";
}
