import { describe, expect, it } from "vitest";
import { listInvoiceMessages, listedMessageColumns } from "../../lib/data/mail";
import { getInvoiceEvents } from "../../lib/services/invoices/get-invoice";
import { invoiceStsHistory } from "../../lib/services/sts/invoice-sts-history";
import { createTestInvoice } from "../../prisma/seed/factories/invoices";
import { stsPractitioner } from "./sts-harness";
import { testDb } from "./test-db";

// The invoice page's reads are hand-written on the driver (lib/data/direct-sql.ts): each returns the rows Prisma's
// model API returns for the same question — dates as dates, numbers as numbers, in the same order — outside and
// inside a transaction, and nothing of another practitioner's.
describe("the invoice page's reads on the driver", () => {
  it("return the events, the messages and the STS history exactly as Prisma's model API does", async () => {
    const p = await stsPractitioner("page-reads");
    const other = await stsPractitioner("page-reads-other");
    const invoice = await createTestInvoice(testDb(), p.id, { patientId: p.patientId });
    const db = testDb();
    for (const [i, sentAt] of [new Date("2026-03-11T09:30:00.123Z"), null].entries()) {
      await db.outboxMessage.create({
        data: {
          practitionerId: p.id,
          invoiceId: invoice.id,
          patientId: p.patientId,
          kind: "invoice",
          toAddress: "paziente@example.test",
          subject: `Fattura ${i}`,
          body: "In allegato la fattura.",
          attachmentName: i === 0 ? "fattura.pdf" : null,
          attachment: i === 0 ? Buffer.from("%PDF-") : null,
          status: sentAt ? "sent" : "queued",
          attempts: i + 1,
          lastError: sentAt ? null : "casella piena",
          sentAt,
          createdAt: new Date(Date.UTC(2026, 2, 11, 10, i)),
        },
      });
    }
    for (const [i, createdAt] of [new Date("2026-03-12T08:00:00Z"), new Date("2026-03-13T08:00:00.5Z")].entries()) {
      const submission = await db.stsSubmission.create({
        data: {
          practitionerId: p.id,
          trigger: i === 0 ? "automatic" : "manual",
          channel: "async",
          environment: "simulator",
          status: "completed",
          outcome: "accepted",
          protocollo: i === 0 ? "26031208000012345" : null,
          documentCount: 1,
          createdAt,
        },
      });
      await db.stsSubmissionDocument.create({
        data: {
          submissionId: submission.id,
          invoiceId: invoice.id,
          practitionerId: p.id,
          operation: i === 0 ? "I" : "V",
          identity: `identita-${i}`,
          version: i + 2,
          outcome: i === 0 ? "accepted" : "rejected",
          codes: i === 0 ? null : JSON.stringify([{ code: "E01", severity: "error", message: "errore" }]),
        },
      });
    }
    const where = { practitionerId: p.id, invoiceId: invoice.id };
    const viaPrisma = {
      events: await db.invoiceEvent.findMany({ where, orderBy: { at: "asc" } }),
      messages: await db.outboxMessage.findMany({
        where,
        orderBy: { createdAt: "desc" },
        select: listedMessageColumns,
      }),
      history: await db.stsSubmissionDocument.findMany({
        where,
        include: {
          submission: {
            select: { id: true, createdAt: true, trigger: true, channel: true, protocollo: true, status: true },
          },
        },
        orderBy: { submission: { createdAt: "desc" } },
      }),
    };
    expect(viaPrisma.events.map((e) => e.action)).toEqual(["created", "issued"]);
    expect(viaPrisma.messages).toHaveLength(2);
    expect(viaPrisma.history.map((h) => h.operation)).toEqual(["V", "I"]);
    const read = (on: typeof db | Parameters<Parameters<typeof db.$transaction>[0]>[0], practitionerId: string) =>
      Promise.all([
        getInvoiceEvents({ db: on, practitionerId, invoiceId: invoice.id }),
        listInvoiceMessages(on, practitionerId, invoice.id),
        invoiceStsHistory({ db: on, practitionerId, invoiceId: invoice.id }),
      ]).then(([events, messages, history]) => ({ events, messages, history }));
    expect(await read(db, p.id)).toEqual(viaPrisma);
    expect(await db.$transaction((tx) => read(tx, p.id))).toEqual(viaPrisma);
    expect(await read(db, other.id)).toEqual({ events: [], messages: [], history: [] });
  });
});
