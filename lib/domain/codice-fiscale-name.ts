// The first six letters of a personal codice fiscale come from the surname and the name (DM 23/12/1976): three
// letters each, consonants first, then vowels, then X. A code whose letters do not match the patient's names may
// belong to someone else — or be right all the same (codes assigned by hand, names written differently abroad,
// names changed after the code was issued), so a mismatch is a warning the practitioner may confirm, never a block.

const VOWELS = new Set(["A", "E", "I", "O", "U"]);

/** Upper-case letters only: accents dropped (Nicolò → NICOLO), apostrophes and spaces removed (D'Amico → DAMICO). */
function letters(name: string): string[] {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^A-Z]/g, "")
    .split("");
}

function split(name: string) {
  const all = letters(name);
  return { consonants: all.filter((c) => !VOWELS.has(c)), vowels: all.filter((c) => VOWELS.has(c)) };
}

const pad = (chars: string[]) => [...chars, "X", "X", "X"].slice(0, 3).join("");

export function surnameLetters(surname: string): string {
  const { consonants, vowels } = split(surname);
  return pad([...consonants, ...vowels]);
}

export function firstNameLetters(firstName: string): string {
  const { consonants, vowels } = split(firstName);
  // With four consonants or more the name takes the first, third and fourth.
  if (consonants.length >= 4) return [consonants[0], consonants[2], consonants[3]].join("");
  return pad([...consonants, ...vowels]);
}

/**
 * Whether the code's first six letters match the names; null when there is nothing to compare (no name, or not a
 * 16-character code). `expected` is what the names give, for the message.
 */
export function compareCodiceFiscaleWithName(
  codiceFiscale: string,
  firstName: string,
  lastName: string,
): { matches: boolean; expected: string; found: string } | null {
  const cf = codiceFiscale.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{6}/.test(cf) || cf.length !== 16) return null;
  if (letters(firstName).length === 0 || letters(lastName).length === 0) return null;
  const expected = `${surnameLetters(lastName)} ${firstNameLetters(firstName)}`;
  const found = `${cf.slice(0, 3)} ${cf.slice(3, 6)}`;
  return { matches: expected === found, expected, found };
}
