// STS `tipoSpesa` codes (docs/STS-PROTOCOL.md §9). Psychologists and the other health professions use SP.
export const STS_EXPENSE_TYPES = ["SP", "AA", "SR", "TK", "FC", "FV", "SV", "AD", "AS", "CT", "PI", "IC"] as const;
export type StsExpenseType = (typeof STS_EXPENSE_TYPES)[number];

export const DEFAULT_STS_EXPENSE_TYPE: StsExpenseType = "SP";

const LABELS: Record<StsExpenseType, string> = {
  SP: "Prestazioni sanitarie",
  AA: "Altre spese",
  SR: "Assistenza specialistica ambulatoriale",
  TK: "Ticket",
  FC: "Farmaci",
  FV: "Farmaci per uso veterinario",
  SV: "Spese veterinarie",
  AD: "Dispositivi medici CE",
  AS: "Spese sanitarie (ECG, spirometria, holter, test)",
  CT: "Cure termali",
  PI: "Protesica e integrativa",
  IC: "Chirurgia e medicina estetica",
};

export function stsExpenseTypeLabel(type: StsExpenseType): string {
  return LABELS[type];
}

export function isStsExpenseType(value: string): value is StsExpenseType {
  return (STS_EXPENSE_TYPES as readonly string[]).includes(value);
}

// The types each kind of practice uses, offered first; the others stay available below (a psychologist never needs
// the veterinary ones, so they come last for everybody but veterinarians).
const VETERINARY: StsExpenseType[] = ["SV", "FV"];
const USUAL_BY_PROFESSION: [pattern: RegExp, types: StsExpenseType[]][] = [
  [/veterinar/i, ["SV", "FV", "AA"]],
  [/farmac/i, ["FC", "AD", "AA"]],
  [/ottic|protes|ortoped|audioprotes/i, ["AD", "PI", "AA"]],
  [/termal|terme/i, ["CT", "AA"]],
  [/estetic/i, ["IC", "AA"]],
];

/** The expense types to offer, for the profession as written on the profile: the usual ones, then the rest. */
export function expenseTypesFor(profession: string): { usual: StsExpenseType[]; others: StsExpenseType[] } {
  const usual = USUAL_BY_PROFESSION.find(([pattern]) => pattern.test(profession))?.[1] ?? ["SP"];
  const rest = STS_EXPENSE_TYPES.filter((type) => !usual.includes(type));
  const others = [...rest.filter((t) => !VETERINARY.includes(t)), ...rest.filter((t) => VETERINARY.includes(t))];
  return { usual, others };
}
