import type { STS_EXPENSE_TYPES } from "@/lib/domain/sts-expense-type";

// One row of the invoice form (kept out of the client component: server pages build initial values too).
export type LineValues = {
  key: string;
  description: string;
  quantity: string;
  unitPrice: string;
  expenseType: (typeof STS_EXPENSE_TYPES)[number];
  pensionFund: boolean;
};

export function newLine(defaults: Partial<LineValues> = {}): LineValues {
  return {
    key: Math.random().toString(36).slice(2),
    description: "Colloquio psicologico",
    quantity: "1",
    unitPrice: "",
    expenseType: "SP",
    pensionFund: true,
    ...defaults,
  };
}
