"use server";

import { z } from "zod";
import { action, Id, IdList, type Revalidate } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { MAX_DOCUMENT_YEAR, MIN_DOCUMENT_YEAR } from "@/lib/domain/dates";
import { deliverMessage } from "@/lib/services/mail/deliver-message";
import { sendInvoiceEmail } from "@/lib/services/mail/send-invoice-email";
import { sendReminders } from "@/lib/services/mail/send-reminders";
import { sendStatementEmail } from "@/lib/services/mail/send-statement-email";

const mailPages: Revalidate[] = ["/posta", ["/fatture", "layout"], "/promemoria"];
const Year = z.number().int().min(MIN_DOCUMENT_YEAR).max(MAX_DOCUMENT_YEAR);

export const sendInvoiceEmailAction = action(
  { name: "mail-invoice", args: z.tuple([Id, z.unknown()]), revalidate: mailPages },
  async ({ practitioner }, invoiceId, input) =>
    sendInvoiceEmail({ db: db(), practitionerId: practitioner.id, invoiceId, input }),
);

export const sendStatementEmailAction = action(
  { name: "mail-statement", args: z.tuple([Id, Year, z.unknown()]), revalidate: mailPages },
  async ({ practitioner }, patientId, year, input) =>
    sendStatementEmail({ db: db(), practitionerId: practitioner.id, patientId, year, input }),
);

export const retryMessageAction = action(
  { name: "mail-retry", args: z.tuple([Id]), revalidate: mailPages },
  async ({ practitioner }, messageId) => deliverMessage({ db: db(), practitionerId: practitioner.id, messageId }),
);

export const sendRemindersAction = action(
  { name: "mail-reminders", args: z.tuple([IdList]), revalidate: mailPages },
  async ({ practitioner }, invoiceIds) => sendReminders({ db: db(), practitionerId: practitioner.id, invoiceIds }),
);
