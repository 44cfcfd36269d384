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
