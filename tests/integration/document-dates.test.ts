import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findDocumentsWithDatesToReview, mayHaveDatesToReview } from "../../lib/data/invoices";
import { createCreditNote } from "../../lib/services/invoices/create-credit-note";
import { listDatesToReview } from "../../lib/services/invoices/dates-to-review";
import { recordPayment } from "../../lib/services/invoices/record-payment";
import { saveInvoiceDraft } from "../../lib/services/invoices/save-invoice-draft";
import { updateIssuedInvoice } from "../../lib/services/invoices/update-issued-invoice";
import { voidInvoice } from "../../lib/services/invoices/void-invoice";
import { sendDocumentNow } from "../../lib/services/sts/send-document-now";
import { createTestInvoice, SESSION_LINE } from "../../prisma/seed/factories/invoices";
import { stsPractitioner, useSimulator } from "./sts-harness";
import { appErrorOf, testDatabaseProvider, testDb } from "./test-db";

// Dates that make sense, checked by the services against an injected clock (today in Europe/Rome).
const simulator = useSimulator();
// 15 June 2026, 12:00 in Rome.
const NOW = new Date("2026-06-15T10:00:00Z");

function save(p: { id: string; patientId: string }, input: Record<string, unknown>, now = NOW) {
  return saveInvoiceDraft({
    db: testDb(),
    practitionerId: p.id,
    actorId: p.id,
    input: { patientId: p.patientId, lines: [SESSION_LINE], opposition: false, ...input },
    issue: true,
    now,
  });
}

describe("dates that make sense", () => {
  it("refuses an invoice dated after today in Italy, beside the date field, and writes nothing", async () => {
    const p = await stsPractitioner("future-invoice");
    const refused = await appErrorOf(save(p, { issueDate: "2026-06-16" }));
    expect(refused.code).toBe("validation");
    expect(refused.fieldErrors.issueDate).toEqual([
      "La data della fattura non può essere successiva a oggi (15/06/2026).",
    ]);
    expect(await testDb().invoice.count({ where: { practitionerId: p.id } })).toBe(0);
    // At 00:30 of 16 June in Rome (22:30 UTC of the 15th) the 16th is today.
    const lateEvening = new Date("2026-06-15T22:30:00Z");
    expect((await save(p, { issueDate: "2026-06-16" }, lateEvening)).number).toBe(1);
    // Drafts too: a draft can only become an invoice dated today or earlier.
    const draft = await appErrorOf(
      saveInvoiceDraft({
        db: testDb(),
        practitionerId: p.id,
        actorId: p.id,
        input: { patientId: p.patientId, issueDate: "2027-03-10", lines: [SESSION_LINE] },
        now: NOW,
      }),
    );
    expect(draft.fieldErrors.issueDate?.[0]).toMatch(/successiva a oggi/);
  });

  it("refuses a payment date after today, in the form and in 'Registra pagamento'", async () => {
    const p = await stsPractitioner("future-payment");
    const form = await appErrorOf(
      save(p, { issueDate: "2026-06-10", paymentDate: "2026-06-20", paymentMethod: "carta" }),
    );
    expect(form.fieldErrors.paymentDate?.[0]).toMatch(/pagamento non può essere successiva a oggi \(15\/06\/2026\)/);
    const inv = await save(p, { issueDate: "2026-06-10" });
    const pay = (paymentDate: string, paidInAdvance?: boolean) =>
      recordPayment({
        db: testDb(),
        practitionerId: p.id,
        actorId: p.id,
        invoiceId: inv.id,
        input: { paymentDate, paymentMethod: "bonifico", paidInAdvance },
        now: NOW,
      });
    expect((await appErrorOf(pay("2026-06-16"))).fieldErrors.paymentDate?.[0]).toMatch(/successiva a oggi/);
    expect((await appErrorOf(pay("2026-06-09"))).fieldErrors.paymentDate?.[0]).toMatch(/Pagamento anticipato/);
    expect(await pay("2026-06-09", true)).toMatchObject({ paymentDate: "2026-06-09", paidInAdvance: true });
    // Moved after the invoice date, the payment is no longer an advance one.
    expect(await pay("2026-06-12", true)).toMatchObject({ paymentDate: "2026-06-12", paidInAdvance: false });
  });

  it("a payment before the invoice date needs the explicit choice, and goes to STS with flagPagamentoAnticipato", async () => {
    const p = await stsPractitioner("advance");
    const base = { issueDate: "2026-03-10", paymentDate: "2026-03-01", paymentMethod: "bonifico" };
    const refused = await appErrorOf(save(p, base));
    expect(refused.fieldErrors.paymentDate?.[0]).toMatch(/«Pagamento anticipato»/);
    // The year rule of the past gives way to the explicit choice: an advance paid in the previous year.
    const inv = await save(p, { ...base, paidInAdvance: true });
    expect(inv).toMatchObject({ paidInAdvance: true, paymentDate: "2026-03-01" });
    expect((await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: inv.id })).outcome).toBe("accepted");
    const line = await testDb().stsSubmissionDocument.findFirstOrThrow({
      where: { invoiceId: inv.id },
      include: { submission: { include: { exchanges: true } } },
    });
    expect(line.submission.exchanges.map((e) => e.request).join()).toContain(
      "<flagPagamentoAnticipato>1</flagPagamentoAnticipato>",
    );
    expect(simulator.sim.context.state.documents[line.identity]?.document).toMatchObject({
      dataPagamento: "2026-03-01",
      flagPagamentoAnticipato: true,
    });
  });

  it("refuses a future date when editing an issued invoice and for a credit note", async () => {
    const p = await stsPractitioner("future-edit");
    const inv = await save(p, { issueDate: "2026-06-10", paymentDate: "2026-06-10", paymentMethod: "carta" });
    const edit = await appErrorOf(
      updateIssuedInvoice({
        db: testDb(),
        practitionerId: p.id,
        actorId: p.id,
        invoiceId: inv.id,
        input: { patientId: p.patientId, issueDate: "2026-06-20", lines: [SESSION_LINE] },
        now: NOW,
      }),
    );
    expect(edit.fieldErrors.issueDate?.[0]).toMatch(/successiva a oggi/);
    const note = await appErrorOf(
      createCreditNote({
        db: testDb(),
        practitionerId: p.id,
        actorId: p.id,
        invoiceId: inv.id,
        input: { mode: "full", issueDate: "2026-06-16" },
        now: NOW,
      }),
    );
    expect(note.fieldErrors.issueDate?.[0]).toMatch(/successiva a oggi/);
  });
});

describe("existing data with dates the rules refuse", () => {
  // The statement with which the migration that brought `Practitioner.datesToReview` marks the practitioners whose
  // documents, saved before the rules existed, have dates the rules refuse; this database's own version of it.
  function markingStatement(): string {
    const dir = join(__dirname, "../../prisma", testDatabaseProvider(), "migrations");
    const migration = readdirSync(dir).find((name) => name.endsWith("_dates_to_review"))!;
    const sql = readFileSync(join(dir, migration, "migration.sql"), "utf8");
    return /UPDATE "Practitioner"[^;]+/.exec(sql)![0];
  }
  const markAsMigrated = () => testDb().$executeRawUnsafe(markingStatement());

  // Saved before the rules existed: written straight to the database, then marked as the migration marks it.
  async function legacy(p: { id: string; patientId: string }, data: Record<string, unknown>) {
    const inv = await createTestInvoice(testDb(), p.id, { patientId: p.patientId, issueDate: "2026-03-02" });
    await testDb().invoice.update({ where: { id: inv.id }, data });
    await markAsMigrated();
    return inv;
  }

  it("lists them for the practitioner with what is wrong (own documents only, voided ones left out)", async () => {
    const p = await stsPractitioner("review");
    const other = await stsPractitioner("review-other");
    const invoices = [];
    for (let i = 0; i < 6; i++)
      invoices.push(await createTestInvoice(testDb(), p.id, { patientId: p.patientId, issueDate: "2026-03-02" }));
    const [future, futurePaid, early, confirmed, voided] = invoices;
    const legacy = (id: string, data: Record<string, unknown>) => testDb().invoice.update({ where: { id }, data });
    await legacy(future!.id, { issueDate: "2027-03-02" });
    await legacy(futurePaid!.id, { paymentDate: "2026-12-25", paymentMethod: "carta" });
    await legacy(early!.id, { paymentDate: "2026-02-20", paymentMethod: "carta" });
    await legacy(confirmed!.id, { paymentDate: "2026-02-20", paymentMethod: "carta", paidInAdvance: true });
    await legacy(voided!.id, { issueDate: "2027-01-05" });
    await voidInvoice({
      db: testDb(),
      practitionerId: p.id,
      actorId: p.id,
      invoiceId: voided!.id,
      input: { reason: "Data sbagliata" },
    });
    const others = await createTestInvoice(testDb(), other.id, { patientId: other.patientId, issueDate: "2026-03-02" });
    await legacy(others.id, { issueDate: "2027-03-02" });
    const clean = await stsPractitioner("review-clean");
    await createTestInvoice(testDb(), clean.id, { patientId: clean.patientId, issueDate: "2026-03-02" });
    await markAsMigrated();
    // The migration marked the two practitioners with such documents, and them only.
    expect(await mayHaveDatesToReview(testDb(), p.id)).toBe(true);
    expect(await mayHaveDatesToReview(testDb(), other.id)).toBe(true);
    expect(await mayHaveDatesToReview(testDb(), clean.id)).toBe(false);
    const list = await listDatesToReview({ db: testDb(), practitionerId: p.id, now: NOW });
    expect(list.total).toBe(3);
    expect(Object.fromEntries(list.items.map((i) => [i.id, i.problems]))).toEqual({
      [future!.id]: ["data della fattura nel futuro"],
      [futurePaid!.id]: ["data del pagamento nel futuro"],
      [early!.id]: ["pagamento precedente alla fattura, senza «Pagamento anticipato»"],
    });
    expect(list.items[0]).toMatchObject({ id: future!.id, label: "Fattura n. 1/2026" });
    // When the banner shows only some of them, the total still counts them all.
    const [shown, total] = await findDocumentsWithDatesToReview(testDb(), p.id, "2026-06-15", 2);
    expect([shown.map((d) => d.id), total]).toEqual([list.items.slice(0, 2).map((i) => i.id), 3]);
    expect(shown[0]).toMatchObject({ paidInAdvance: false, status: "issued", kind: "invoice", number: 1, year: 2026 });
  });

  it("searches only while the practitioner is marked, and unmarks once nothing is left to review", async () => {
    const p = await stsPractitioner("review-fixed");
    const early = await legacy(p, { paymentDate: "2026-02-20", paymentMethod: "carta" });
    expect((await listDatesToReview({ db: testDb(), practitionerId: p.id, now: NOW })).total).toBe(1);
    // Fixed through the form: the payment confirmed as an advance one.
    await updateIssuedInvoice({
      db: testDb(),
      practitionerId: p.id,
      actorId: p.id,
      invoiceId: early.id,
      input: {
        patientId: p.patientId,
        issueDate: "2026-03-02",
        paymentDate: "2026-02-20",
        paymentMethod: "carta",
        paidInAdvance: true,
        lines: [SESSION_LINE],
      },
      now: NOW,
    });
    expect(await mayHaveDatesToReview(testDb(), p.id)).toBe(true);
    expect(await listDatesToReview({ db: testDb(), practitionerId: p.id, now: NOW })).toEqual({ total: 0, items: [] });
    expect(await mayHaveDatesToReview(testDb(), p.id)).toBe(false);
    // Unmarked, the practitioner's documents are no longer searched: a row written straight to the database, as
    // no save since the rules can write it, stays out of the banner (the search itself still finds it).
    const unmarked = await createTestInvoice(testDb(), p.id, { patientId: p.patientId, issueDate: "2026-03-02" });
    await testDb().invoice.update({ where: { id: unmarked.id }, data: { issueDate: "2027-01-01" } });
    expect((await listDatesToReview({ db: testDb(), practitionerId: p.id, now: NOW })).total).toBe(0);
    expect((await findDocumentsWithDatesToReview(testDb(), p.id, "2026-06-15", 20))[1]).toBe(1);
  });

  it("a future-dated invoice no longer blocks the numbers after it once corrected or voided", async () => {
    for (const fix of ["edit", "void"] as const) {
      const p = await stsPractitioner(`unblock-${fix}`);
      const typo = await legacy(p, { issueDate: "2026-11-30" });
      const blocked = await appErrorOf(save(p, { issueDate: "2026-06-15" }, NOW));
      expect(blocked.fieldErrors.issueDate?.[0]).toMatch(/non può precedere quella del documento n\. 1\/2026/);
      if (fix === "edit") {
        await updateIssuedInvoice({
          db: testDb(),
          practitionerId: p.id,
          actorId: p.id,
          invoiceId: typo.id,
          input: { patientId: p.patientId, issueDate: "2026-06-01", lines: [SESSION_LINE] },
          now: NOW,
        });
      } else {
        await voidInvoice({
          db: testDb(),
          practitionerId: p.id,
          actorId: p.id,
          invoiceId: typo.id,
          input: { reason: "Data sbagliata" },
        });
      }
      expect((await save(p, { issueDate: "2026-06-15" }, NOW)).number).toBe(2);
    }
  });
});
