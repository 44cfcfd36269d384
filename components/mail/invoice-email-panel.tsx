"use client";

import { sendInvoiceEmailAction } from "@/app/(app)/posta/actions";
import { EmailToForm } from "./email-to-form";

export function InvoiceEmailForm({ invoiceId, defaultTo }: { invoiceId: string; defaultTo: string }) {
  return (
    <EmailToForm
      id="invoice-mail"
      defaultTo={defaultTo}
      button="Invia per e-mail"
      send={(input) => sendInvoiceEmailAction(invoiceId, input)}
    />
  );
}
