import { z } from "zod";
import { parseDocumentDate } from "../domain/dates";
import { parseEuroToCents } from "../domain/money";
import { PAYMENT_METHODS } from "../domain/payment";
import { DEFAULT_STS_EXPENSE_TYPE, STS_EXPENSE_TYPES } from "../domain/sts-expense-type";

export const MAX_DESCRIPTION_LENGTH = 2000;
export const MAX_LINES = 50;
export const MAX_UNIT_PRICE_CENTS = 10_000_000; // 100.000,00 €

const dateField = (required: string) =>
  z
    .string({ error: required })
    .trim()
    .min(1, required)
    .transform((value, ctx) => {
      const parsed = parseDocumentDate(value);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: parsed.message });
        return z.NEVER;
      }
      return parsed.value;
    });

const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    const parsed = parseDocumentDate(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    }
    return parsed.value;
  });

const euroField = (label: string, max: number) =>
  z
    .string({ error: `Inserisci ${label}.` })
    .trim()
    .min(1, `Inserisci ${label}.`)
    .transform((value, ctx) => {
      const parsed = parseEuroToCents(value, { allowZero: false });
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: parsed.message });
        return z.NEVER;
      }
      if (parsed.value > max) {
        ctx.addIssue({ code: "custom", message: `L'importo massimo è ${(max / 100).toLocaleString("it-IT")} €.` });
        return z.NEVER;
      }
      return parsed.value;
    });

export const InvoiceLineSchema = z.object({
  description: z
    .string({ error: "Inserisci la descrizione." })
    .trim()
    .min(1, "Inserisci la descrizione.")
    .max(MAX_DESCRIPTION_LENGTH, `La descrizione è troppo lunga (massimo ${MAX_DESCRIPTION_LENGTH} caratteri).`),
  quantity: z.coerce
    .number({ error: "La quantità deve essere un numero intero." })
    .int("La quantità deve essere un numero intero.")
    .min(1, "La quantità deve essere almeno 1.")
    .max(999, "La quantità massima è 999."),
  unitPrice: euroField("il prezzo", MAX_UNIT_PRICE_CENTS),
  expenseType: z.enum(STS_EXPENSE_TYPES, { error: "Scegli il tipo di spesa." }).default(DEFAULT_STS_EXPENSE_TYPE),
  pensionFund: z.boolean().default(true),
});

export const InvoiceFormSchema = z
  .object({
    patientId: z.string({ error: "Scegli il paziente." }).trim().min(1, "Scegli il paziente."),
    issueDate: dateField("Inserisci la data della fattura."),
    lines: z
      .array(InvoiceLineSchema, { error: "Aggiungi almeno una riga." })
      .min(1, "Aggiungi almeno una riga.")
      .max(MAX_LINES, `Al massimo ${MAX_LINES} righe per fattura.`),
    paymentDate: optionalDate,
    paymentMethod: z
      .enum(PAYMENT_METHODS, { error: "Scegli il metodo di pagamento." })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    opposition: z.boolean().default(false),
    // Confirms a payment dated before the invoice (lib/domain/invoice-dates.ts checks the dates against today).
    paidInAdvance: z.boolean().default(false),
    bolloIdentifier: z.string().trim().max(30, "L'identificativo del bollo è troppo lungo.").optional(),
    notes: z.string().trim().max(1000, "Le note sono troppo lunghe (massimo 1000 caratteri).").optional(),
  })
  .superRefine((value, ctx) => {
    if (value.paymentDate && !value.paymentMethod) {
      ctx.addIssue({ code: "custom", path: ["paymentMethod"], message: "Indica come è stato pagato." });
    }
    if (value.paymentMethod && !value.paymentDate) {
      ctx.addIssue({ code: "custom", path: ["paymentDate"], message: "Indica la data del pagamento." });
    }
  });
export type InvoiceFormInput = z.input<typeof InvoiceFormSchema>;
export type InvoiceForm = z.output<typeof InvoiceFormSchema>;

export const PaymentSchema = z.object({
  paymentDate: dateField("Inserisci la data del pagamento."),
  paymentMethod: z.enum(PAYMENT_METHODS, { error: "Scegli il metodo di pagamento." }),
  paidInAdvance: z.boolean().default(false),
});

export const VoidSchema = z.object({
  reason: z.string({ error: "Indica il motivo." }).trim().min(3, "Indica il motivo.").max(300, "Motivo troppo lungo."),
});

export const CreditNoteSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("full"), issueDate: dateField("Inserisci la data della nota di credito.") }),
  z.object({
    mode: z.literal("partial"),
    issueDate: dateField("Inserisci la data della nota di credito."),
    amount: euroField("l'importo da stornare", MAX_UNIT_PRICE_CENTS),
    description: z
      .string({ error: "Inserisci la descrizione." })
      .trim()
      .min(1, "Inserisci la descrizione.")
      .max(MAX_DESCRIPTION_LENGTH, `La descrizione è troppo lunga (massimo ${MAX_DESCRIPTION_LENGTH} caratteri).`),
  }),
]);
