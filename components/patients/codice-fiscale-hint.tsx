import { validateCodiceFiscale } from "@/lib/domain/codice-fiscale";
import { formatItalianDate } from "@/lib/domain/dates";

// What the code says about its holder, as the practitioner types: a quick check that it is the right person.
// Null while the error below the field already says what is wrong.
export function codiceFiscaleHint(value: string, today: Date, hasError: boolean): string | null {
  const result = validateCodiceFiscale(value, { today });
  if (!result.ok || result.value.kind !== "personal") {
    if (hasError) return null;
    return value.trim().length < 16
      ? "16 caratteri: qui compariranno data di nascita e sesso."
      : `${result.ok ? "Serve il codice di 16 caratteri" : result.message}.`;
  }
  const { birthDate, sex, omocodic } = result.value;
  const born = sex === "F" ? "Nata" : "Nato";
  return `${born} il ${formatItalianDate(birthDate)} · sesso ${sex}${omocodic ? " · codice omocodico" : ""}`;
}
