"use client";

import { sendStatementEmailAction } from "@/app/(app)/posta/actions";
import { EmailToForm } from "./email-to-form";

export function StatementEmailForm({
  patientId,
  year,
  defaultTo,
}: {
  patientId: string;
  year: number;
  defaultTo: string;
}) {
  return (
    <EmailToForm
      id={`statement-mail-${year}`}
      defaultTo={defaultTo}
      button={`Invia il riepilogo ${year} per e-mail`}
      send={(input) => sendStatementEmailAction(patientId, year, input)}
    />
  );
}
