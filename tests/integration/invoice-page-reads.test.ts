import { describe, expect, it } from "vitest";
import { findInvoice } from "../../lib/data/invoices";
import { findInvoiceCitizenReports, listedCitizenReportColumns } from "../../lib/data/sts-citizen-reports";
import { listInvoiceMessages, listedMessageColumns } from "../../lib/data/mail";
import { createCreditNote } from "../../lib/services/invoices/create-credit-note";
import { getInvoiceEvents } from "../../lib/services/invoices/get-invoice";
import { invoiceStsHistory } from "../../lib/services/sts/invoice-sts-history";
import { createTestInvoice, SESSION_LINE } from "../../prisma/seed/factories/invoices";
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

  it("return the invoice with its lines, patient, linked documents and citizens' reports as Prisma's model API does", async () => {
    const p = await stsPractitioner("page-invoice");
    const other = await stsPractitioner("page-invoice-other");
    const db = testDb();
    const actor = { db, practitionerId: p.id, actorId: p.id };
    const paid = { paymentDate: "2026-03-10", paymentMethod: "bonifico" as const, paidInAdvance: true };
    const lines = [SESSION_LINE, { ...SESSION_LINE, description: "Test", unitPrice: "40,00", pensionFund: false }];
    const original = await createTestInvoice(db, p.id, { patientId: p.patientId, ...paid, lines });
    const first = { mode: "partial", issueDate: "2026-03-11", amount: "10,00", description: "Rimborso" } as const;
    const credit = await createCreditNote({ ...actor, invoiceId: original.id, input: first });
    await createCreditNote({ ...actor, invoiceId: original.id, input: { ...first, issueDate: "2026-03-12" } });
    // A reissue's link, written directly: the read only follows it (reissueInvoice makes it in the services).
    const replacement = await createTestInvoice(db, p.id, { patientId: p.patientId, issueDate: "2026-03-13" });
    await db.invoice.update({ where: { id: replacement.id }, data: { replacesInvoiceId: original.id } });
    await db.invoice.update({
      where: { id: original.id },
      data: { voidedAt: new Date("2026-03-13T09:00:00.5Z"), lastReminderAt: new Date("2026-03-12T08:00:00Z") },
    });
    for (const [i, reportedOn] of ["2026-04-02", null, "2026-04-01"].entries()) {
      await db.stsCitizenReport.create({
        data: {
          practitionerId: p.id,
          invoiceId: original.id,
          identity: `identita-${i}`,
          fingerprint: `impronta-${i}`,
          reportedOn,
          text: i === 1 ? null : "Spesa non riconosciuta",
          detail: "{}",
          extra: "{}",
          fetchedAt: new Date(Date.UTC(2026, 3, 3, 8, 0, i)),
          handledAt: i === 2 ? new Date("2026-04-04T10:00:00.5Z") : null,
        },
      });
    }
    const linked = { select: { id: true, kind: true, number: true, year: true, issueDate: true, status: true } };
    const viaPrisma = (id: string) =>
      db.invoice.findFirst({
        where: { id, practitionerId: p.id },
        include: {
          lines: { orderBy: { position: "asc" } },
          patient: true,
          creditedInvoice: linked,
          creditNotes: { select: { ...linked.select, totalCents: true }, orderBy: { issueDate: "asc" } },
          replaces: linked,
          replacedBy: linked,
        },
      });
    const ids = [original.id, credit.id, replacement.id];
    const expected = await Promise.all(ids.map(viaPrisma));
    // What each document must carry for the comparison to mean something.
    expect(expected[0]?.lines.map((l) => l.pensionFund)).toEqual([true, false]);
    expect(expected[0]?.creditNotes.map((c) => c.issueDate)).toEqual(["2026-03-11", "2026-03-12"]);
    expect(expected[0]?.replacedBy?.id).toBe(replacement.id);
    expect(expected[0]?.voidedAt).toBeInstanceOf(Date);
    expect(expected[1]?.creditedInvoice?.id).toBe(original.id);
    expect(expected[2]?.replaces?.id).toBe(original.id);
    const reports = await db.stsCitizenReport.findMany({
      where: { practitionerId: p.id, invoiceId: original.id },
      orderBy: [{ reportedOn: "desc" }, { fetchedAt: "desc" }],
      select: listedCitizenReportColumns,
    });
    expect(reports).toHaveLength(3);
    const read = (on: Parameters<typeof findInvoice>[0], practitionerId: string) =>
      Promise.all([
        Promise.all(ids.map((id) => findInvoice(on, practitionerId, id))),
        findInvoiceCitizenReports(on, practitionerId, original.id),
      ]);
    expect(await read(db, p.id)).toEqual([expected, reports]);
    expect(await db.$transaction((tx) => read(tx, p.id))).toEqual([expected, reports]);
    expect(await read(db, other.id)).toEqual([[null, null, null], []]);
  });
});
