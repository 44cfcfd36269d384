// Why selected documents did not go, from how many were in each STS state ("Invia selezionate").
const REASONS: [states: string[], one: string, many: (n: number) => string][] = [
  [
    ["rejected"],
    "1 scartata dal Sistema TS: correggi i dati indicati nell'elenco invii e salva, poi inviala di nuovo",
    (n) => `${n} scartate dal Sistema TS: correggi i dati indicati nell'elenco invii e salva, poi inviale di nuovo`,
  ],
  [["accepted", "accepted_with_warnings"], "1 già accettata", (n) => `${n} già accettate`],
  [["sending", "awaiting_outcome"], "1 già in invio", (n) => `${n} già in invio`],
  [["not_eligible", "not_applicable"], "1 non inviabile", (n) => `${n} non inviabili`],
];

export function skippedText(skipped: Record<string, number>): string | null {
  const parts = REASONS.flatMap(([states, one, many]) => {
    const n = states.reduce((sum, state) => sum + (skipped[state] ?? 0), 0);
    return n === 0 ? [] : [n === 1 ? one : many(n)];
  });
  return parts.length ? `Non inviate: ${parts.join("; ")}.` : null;
}
