import { codiceFiscaleCheckCharacter } from "../../../lib/domain/codice-fiscale";

// Codici fiscali for tests and seeds, apart from the patient factory: the browser tests' files import them, and they
// must not load the database layer (Playwright's loader cannot load the generated Prisma client).

const MONTHS = "ABCDEHLMPRST";
const CONSONANTS = "BCDFGHLMNPRSTVZ";

/**
 * A syntactically valid personal codice fiscale with the right check character. The six name letters encode
 * `sequence` in base 15 (consonants only), so each sequence number gives a distinct code.
 */
export function buildCodiceFiscale(options: {
  sequence: number;
  birthDate?: string;
  sex?: "M" | "F";
  cadastralCode?: string;
}): string {
  let letters = "";
  let rest = options.sequence;
  for (let i = 0; i < 6; i++) {
    letters = CONSONANTS[rest % CONSONANTS.length] + letters;
    rest = Math.floor(rest / CONSONANTS.length);
  }
  const [year, month, day] = (options.birthDate ?? "1985-06-15").split("-").map(Number);
  const encodedDay = options.sex === "F" ? day + 40 : day;
  const first15 =
    letters +
    String(year % 100).padStart(2, "0") +
    MONTHS[month - 1] +
    String(encodedDay).padStart(2, "0") +
    (options.cadastralCode ?? "H501");
  return first15 + codiceFiscaleCheckCharacter(first15);
}

// A random start keeps codes distinct across runs that share a database (seed, then e2e).
let sequence = Math.floor(Math.random() * 5_000_000);

/** How many codes nextCodiceFiscale has given so far, from its random start (the test patients' names follow it). */
export function codiceFiscaleSequence(): number {
  return sequence;
}

export function nextCodiceFiscale(options: { birthDate?: string; sex?: "M" | "F" } = {}): string {
  sequence += 1;
  return buildCodiceFiscale({ sequence, ...options });
}
