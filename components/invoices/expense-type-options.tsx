import { expenseTypesFor, stsExpenseTypeLabel, type StsExpenseType } from "@/lib/domain/sts-expense-type";

const option = (type: StsExpenseType) => (
  <option key={type} value={type}>
    {type} – {stsExpenseTypeLabel(type)}
  </option>
);

// The <option>s of an STS expense type select: the practitioner's usual types first, the others in their own group.
export function ExpenseTypeOptions({ profession }: { profession: string }) {
  const { usual, others } = expenseTypesFor(profession);
  return (
    <>
      <optgroup label="Per la tua professione">{usual.map(option)}</optgroup>
      <optgroup label="Altri tipi di spesa">{others.map(option)}</optgroup>
    </>
  );
}
