export const PAYMENT_METHODS = ["contanti", "carta", "bonifico", "pos", "assegno"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

const LABELS: Record<PaymentMethod, string> = {
  contanti: "Contanti",
  carta: "Carta di credito o debito",
  bonifico: "Bonifico bancario",
  pos: "POS (bancomat)",
  assegno: "Assegno",
};

export function paymentMethodLabel(method: PaymentMethod): string {
  return LABELS[method];
}

export function isPaymentMethod(value: string): value is PaymentMethod {
  return (PAYMENT_METHODS as readonly string[]).includes(value);
}

/**
 * Only cash is untraced. Traced payments (art. 1 c. 679 L. 160/2019) keep the expense deductible;
 * STS wants the distinction in `pagamentoTracciato` (docs/STS-PROTOCOL.md §9).
 */
export function isTracedPayment(method: PaymentMethod): boolean {
  switch (method) {
    case "contanti":
      return false;
    case "carta":
    case "bonifico":
    case "pos":
    case "assegno":
      return true;
  }
}

export function stsPagamentoTracciato(method: PaymentMethod): "SI" | "NO" {
  return isTracedPayment(method) ? "SI" : "NO";
}
