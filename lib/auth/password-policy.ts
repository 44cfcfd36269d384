import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";

// Refuses trivial and common passwords with zxcvbn's estimate (common passwords, names, keyboard walks,
// repetitions, sequences, dates), not with a list of our own. Score 0–4: at least 3 ("safely unguessable: moderate
// protection from offline slow-hash scenario"). Words of the account itself (name, email) count as guessable.
export const MIN_PASSWORD_SCORE = 3;
export const WEAK_PASSWORD =
  "Password troppo facile da indovinare: usa più parole non ovvie, oppure lettere, numeri e simboli insieme.";

let estimator: ZxcvbnFactory | null = null;

export function passwordScore(password: string, userInputs: string[] = []): number {
  estimator ??= new ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs });
  // The estimate of very long passwords is slow and they are strong anyway: the first 100 characters decide.
  return estimator.check(password.slice(0, 100), userInputs).score;
}

export function isPasswordStrongEnough(password: string, userInputs: string[] = []): boolean {
  return passwordScore(password, userInputs) >= MIN_PASSWORD_SCORE;
}
