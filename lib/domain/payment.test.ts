import { describe, expect, it } from "vitest";
import {
  isPaymentMethod,
  isTracedPayment,
  PAYMENT_METHODS,
  paymentMethodLabel,
  stsPagamentoTracciato,
} from "./payment";

describe("payment methods", () => {
  it.each([
    ["contanti", false, "NO", "Contanti"],
    ["carta", true, "SI", "Carta di credito o debito"],
    ["bonifico", true, "SI", "Bonifico bancario"],
    ["pos", true, "SI", "POS (bancomat)"],
    ["assegno", true, "SI", "Assegno"],
  ] as const)("%s: traced=%s, STS %s, label %j", (method, traced, sts, label) => {
    expect(isTracedPayment(method)).toBe(traced);
    expect(stsPagamentoTracciato(method)).toBe(sts);
    expect(paymentMethodLabel(method)).toBe(label);
  });

  it("lists exactly the five methods", () => {
    expect([...PAYMENT_METHODS].sort()).toEqual(["assegno", "bonifico", "carta", "contanti", "pos"]);
  });

  it.each([
    ["bonifico", true],
    ["Bonifico", false],
    ["paypal", false],
    ["", false],
  ])("isPaymentMethod(%j) = %s", (value, expected) => {
    expect(isPaymentMethod(value)).toBe(expected);
  });
});
