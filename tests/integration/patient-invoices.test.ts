import { beforeAll, describe, expect, it } from "vitest";
import { extractText } from "unpdf";
import { AppError } from "../../lib/app-error";
import { registerPractitioner } from "../../lib/services/accounts/register-practitioner";
import { createCreditNote } from "../../lib/services/invoices/create-credit-note";
import { voidInvoice } from "../../lib/services/invoices/void-invoice";
import {
  getExpenseStatement,
  renderExpenseStatementPdfFor,
  summarizePatientExpenses,
} from "../../lib/services/patients/expense-statement";
import { listPatientInvoices } from "../../lib/services/patients/patient-invoices";
import { createTestInvoice, SESSION_LINE } from "../../prisma/seed/factories/invoices";
import { createTestPatient } from "../../prisma/seed/factories/patients";
import { createTestProfile } from "../../prisma/seed/factories/profiles";
import { testDb, uniqueEmail } from "./test-db";

async function newPractitioner(label: string) {
  const password = "password-sicura-1";
  const input = { name: `Dott. ${label}`, email: uniqueEmail(label), password, passwordConfirm: password };
  const { id } = await registerPractitioner({ db: testDb(), input });
  await createTestProfile(testDb(), id);
  return id;
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const paid = (date: string, method = "carta") => ({ paymentDate: date, paymentMethod: method as "carta" });

describe("patient invoices and annual expense statement", () => {
  let a: string;
  let b: string;
  let patientId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    a = await newPractitioner("stmt-a");
    b = await newPractitioner("stmt-b");
    await createTestPatient(testDb(), b); // B has patients of their own
    const db = testDb();
    patientId = (await createTestPatient(db, a, { firstName: "Giulia", lastName: "Ferri" })).id;
    const invoice = async (key: string, issueDate: string, extra: object = {}) => {
      ids[key] = (await createTestInvoice(db, a, { patientId, issueDate, ...extra })).id;
    };
    await invoice("march2025", "2025-03-10", paid("2025-03-10")); // 71,40 in 2025
    // Issued in December, paid by transfer in January: a 2026 expense.
    await invoice("december2025", "2025-12-20", paid("2026-01-08", "bonifico")); // 71,40 in 2026
    await invoice("bollo", "2026-02-01", {
      ...paid("2026-02-01", "pos"),
      lines: [{ ...SESSION_LINE, unitPrice: "80,00" }],
    }); // 83,60
    await invoice("unpaid", "2026-03-01");
    await invoice("voided", "2026-04-01", paid("2026-04-01"));
    await invoice("draft", "2026-05-01", { ...paid("2026-05-01"), issue: false });
    const actor = { db, practitionerId: a, actorId: a };
    await voidInvoice({ ...actor, invoiceId: ids.voided, input: { reason: "Emessa per errore" } });
    const refund = { mode: "partial", issueDate: "2026-02-10", amount: "20,00", description: "Rimborso parziale" };
    ids.refund = (await createCreditNote({ ...actor, invoiceId: ids.bollo, input: refund })).id;
    // Crediting an unpaid invoice cancels a debt: nothing was paid, nothing is refunded.
    const cancel = { mode: "full", issueDate: "2026-03-05" };
    ids.cancel = (await createCreditNote({ ...actor, invoiceId: ids.unpaid, input: cancel })).id;
  });

  it("lists the patient's documents newest first, credit notes and drafts included", async () => {
    const rows = await listPatientInvoices({ db: testDb(), practitionerId: a, patientId });
    expect(rows.map((r) => r.id)).toEqual([
      ids.draft,
      ids.voided,
      ids.cancel,
      ids.unpaid,
      ids.refund,
      ids.bollo,
      ids.december2025,
      ids.march2025,
    ]);
    expect(rows.find((r) => r.id === ids.refund)).toMatchObject({
      kind: "credit_note",
      number: 1,
      year: 2026,
      totalCents: 2000,
    });
  });

  it("totals paid expenses by payment year: credit note subtracted, unpaid, voided and drafts left out", async () => {
    const years = await summarizePatientExpenses({ db: testDb(), practitionerId: a, patientId });
    expect(years.map((y) => [y.year, y.totalCents, y.entries.length])).toEqual([
      [2026, 7140 + 8360 - 2000, 3],
      [2025, 7140, 1],
    ]);
    const statement = await getExpenseStatement({ db: testDb(), practitionerId: a, patientId, year: 2026 });
    expect(statement.entries.map((e) => [e.documentNumber, e.paymentDate, e.amountCents])).toEqual([
      ["2/2025", "2026-01-08", 7140],
      ["1/2026", "2026-02-01", 8360],
      ["NC 1/2026", "2026-02-10", -2000],
    ]);
    expect(statement.entries[2].creditedDocumentNumber).toBe("1/2026");
    const none = await rejection(getExpenseStatement({ db: testDb(), practitionerId: a, patientId, year: 2024 }));
    expect(none.code).toBe("not_found");
  });

  it("prints the statement as a PDF with the documents and the total", async () => {
    const { pdf, fileName } = await renderExpenseStatementPdfFor({
      db: testDb(),
      practitionerId: a,
      patientId,
      year: 2026,
      now: new Date("2026-11-26T10:00:00Z"),
    });
    expect(fileName).toBe("riepilogo-spese-2026-giulia-ferri.pdf");
    const { text, totalPages } = await extractText(new Uint8Array(pdf), { mergePages: true });
    const flat = text.replace(/\s+/g, " ");
    expect(totalPages).toBe(1);
    for (const fragment of [
      "Dichiarazione riepilogativa delle spese sanitarie sostenute nell'anno 2026",
      // The practitioner's code is a woman's: no "Il/La sottoscritto/a".
      "La sottoscritta Dott.ssa Maria Motta",
      "Giulia Ferri",
      "Fattura 2/2025",
      "NC 1/2026 (rif. fattura 1/2026)",
      "-20,00 €",
      "Totale spese sanitarie 2026",
      "135,00 €",
      "Milano, 26/11/2026",
    ]) {
      expect(flat).toContain(fragment);
    }
    expect(flat).not.toContain("/a");
  });

  it("keeps another practitioner's patient out of reach", async () => {
    const scope = { db: testDb(), practitionerId: b, patientId };
    const attempts = [
      () => listPatientInvoices(scope),
      () => summarizePatientExpenses(scope),
      () => getExpenseStatement({ ...scope, year: 2026 }),
      () => renderExpenseStatementPdfFor({ ...scope, year: 2026 }),
    ];
    for (const attempt of attempts) expect((await rejection(attempt())).code).toBe("not_found");
  });

  it("gives a company no statement", async () => {
    const company = await createTestPatient(testDb(), a, {
      kind: "company",
      firstName: "",
      lastName: "",
      codiceFiscale: "",
      companyName: "Welfare Insieme S.r.l.",
      partitaIva: "07654320154",
    });
    await createTestInvoice(testDb(), a, { patientId: company.id, issueDate: "2026-06-01", ...paid("2026-06-01") });
    const scope = { db: testDb(), practitionerId: a, patientId: company.id };
    expect(await summarizePatientExpenses(scope)).toEqual([]);
    expect((await rejection(getExpenseStatement({ ...scope, year: 2026 }))).code).toBe("validation");
  });
});
