"use client";

import { computeInvoiceTotals, type BolloPolicy } from "@/lib/domain/invoice-totals";
import { formatBasisPoints, formatCents, parseEuroToCents } from "@/lib/domain/money";
import type { LineValues } from "./invoice-lines-editor";
import styles from "./invoices.module.css";

// Live totals while typing, with the same pure function the server uses; lines not yet valid are left out.
export function InvoiceTotalsPreview(props: {
  lines: LineValues[];
  rateBp: number;
  bolloPolicy: BolloPolicy;
  pensionFundLabel: string;
}) {
  const priced = props.lines.flatMap((line) => {
    const price = parseEuroToCents(line.unitPrice, { allowZero: false });
    const quantity = Number(line.quantity);
    if (!price.ok || !Number.isInteger(quantity) || quantity < 1 || quantity > 999) return [];
    return [{ quantity, unitPriceCents: price.value, pensionFund: line.pensionFund, expenseType: line.expenseType }];
  });
  if (priced.length === 0) return null;
  const totals = computeInvoiceTotals({
    lines: priced,
    pensionFundRateBp: props.rateBp,
    bolloPolicy: props.bolloPolicy,
  });
  if (!totals.ok) return null;
  const t = totals.value;
  return (
    <table className={styles.totals} aria-label="Totali" data-testid="totals">
      <tbody>
        <tr>
          <td>Onorari</td>
          <td>{formatCents(t.subtotalCents)}</td>
        </tr>
        {t.pensionFundCents > 0 ? (
          <tr>
            <td>
              Contributo {props.pensionFundLabel} {formatBasisPoints(props.rateBp)}
            </td>
            <td>{formatCents(t.pensionFundCents)}</td>
          </tr>
        ) : null}
        {t.bolloApplied ? (
          <tr>
            <td>Imposta di bollo{t.bolloChargedToPatientCents > 0 ? "" : " (a carico del professionista)"}</td>
            <td>{formatCents(t.bolloCents)}</td>
          </tr>
        ) : null}
        <tr className={styles.grand}>
          <td>Totale</td>
          <td>{formatCents(t.totalDueCents)}</td>
        </tr>
      </tbody>
    </table>
  );
}
