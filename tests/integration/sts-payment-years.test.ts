import { describe, expect, it } from "vitest";
import { countOpenStsDocumentsByPaymentYear } from "../../lib/data/sts-payment-years";
import { createCreditNote } from "../../lib/services/invoices/create-credit-note";
import { voidInvoice } from "../../lib/services/invoices/void-invoice";
import { paymentYearDeadlines } from "../../lib/services/sts/deadlines";
import { createTestInvoice } from "../../prisma/seed/factories/invoices";
import { stsPractitioner } from "./sts-harness";
import { testDb } from "./test-db";

const paid = (issueDate: string, paymentDate: string) => ({ issueDate, paymentDate, paymentMethod: "carta" as const });
const sorted = (rows: { year: number; stsState: string; count: number }[]) =>
  [...rows].sort((a, b) => a.year - b.year || a.stsState.localeCompare(b.stsState));

describe("open STS documents counted per payment year by the database", () => {
  it("counts by payment year, a credit note by its own date, an unpaid invoice by its issue year", async () => {
    const p = await stsPractitioner("payment-years");
    const other = await stsPractitioner("payment-years-other");
    const invoice = (options: Parameters<typeof paid>) =>
      createTestInvoice(testDb(), p.id, { patientId: p.patientId, ...paid(...options) });
    const set = (id: string, data: Record<string, unknown>) => testDb().invoice.update({ where: { id }, data });

    // Created in date order: each series is numbered chronologically.
    const rejected = await invoice(["2023-03-01", "2023-03-02"]);
    await set(rejected.id, { stsState: "rejected" });
    const failed = await invoice(["2023-04-01", "2023-04-01"]);
    await set(failed.id, { stsState: "failed" });
    await createTestInvoice(testDb(), p.id, { patientId: p.patientId, issueDate: "2024-05-02" }); // unpaid: 2024
    const accepted = await invoice(["2025-06-01", "2025-06-01"]);
    await set(accepted.id, { stsState: "accepted" });
    const refunded = await invoice(["2025-11-10", "2025-11-10"]);
    await invoice(["2025-12-30", "2026-01-05"]); // to send, paid in 2026
    await invoice(["2025-12-31", "2025-12-31"]); // to send, 2025
    // A refund counts in its own year, whatever payment date an older version left on it.
    const note = await createCreditNote({
      db: testDb(),
      practitionerId: p.id,
      actorId: p.id,
      invoiceId: refunded.id,
      input: { mode: "full", issueDate: "2026-01-15" },
    });
    await set(refunded.id, { stsState: "accepted" });
    await set(note.id, { paymentDate: "2025-11-10", stsState: "to_send" });
    const sending = await invoice(["2026-02-01", "2026-02-01"]);
    await set(sending.id, { stsState: "sending" });
    const awaiting = await invoice(["2026-02-02", "2026-02-02"]);
    await set(awaiting.id, { stsState: "awaiting_outcome" });

    // Never counted: a voided document STS never held, a draft (whatever its stored state), another practice's.
    const voided = await invoice(["2026-03-01", "2026-03-01"]);
    await voidInvoice({
      db: testDb(),
      practitionerId: p.id,
      actorId: p.id,
      invoiceId: voided.id,
      input: { reason: "Emessa per errore" },
    });
    const draft = await createTestInvoice(testDb(), p.id, {
      patientId: p.patientId,
      issue: false,
      ...paid("2026-03-05", "2026-03-05"),
    });
    await set(draft.id, { stsState: "to_send" });
    await createTestInvoice(testDb(), other.id, { patientId: other.patientId, ...paid("2026-03-05", "2026-03-05") });

    expect(sorted(await countOpenStsDocumentsByPaymentYear(testDb(), p.id))).toEqual([
      { year: 2023, stsState: "failed", count: 1 },
      { year: 2023, stsState: "rejected", count: 1 },
      { year: 2024, stsState: "not_eligible", count: 1 },
      { year: 2025, stsState: "to_send", count: 1 },
      { year: 2026, stsState: "awaiting_outcome", count: 1 },
      { year: 2026, stsState: "sending", count: 1 },
      { year: 2026, stsState: "to_send", count: 2 },
    ]);
    const years = await paymentYearDeadlines({
      db: testDb(),
      practitionerId: p.id,
      now: new Date("2026-01-20T10:00:00Z"),
    });
    expect(
      years.map(({ year, toSend, sending, awaitingOutcome, rejected, notEligible }) => ({
        year,
        toSend,
        sending,
        awaitingOutcome,
        rejected,
        notEligible,
      })),
    ).toEqual([
      { year: 2023, toSend: 0, sending: 0, awaitingOutcome: 0, rejected: 2, notEligible: 0 },
      { year: 2024, toSend: 0, sending: 0, awaitingOutcome: 0, rejected: 0, notEligible: 1 },
      { year: 2025, toSend: 1, sending: 0, awaitingOutcome: 0, rejected: 0, notEligible: 0 },
      { year: 2026, toSend: 2, sending: 1, awaitingOutcome: 1, rejected: 0, notEligible: 0 },
    ]);
    expect(years[0]).toMatchObject({ deadline: "2024-01-31", daysLeft: -720 });
  });

  it("returns nothing for a practice with no open document", async () => {
    const p = await stsPractitioner("payment-years-empty");
    expect(await countOpenStsDocumentsByPaymentYear(testDb(), p.id)).toEqual([]);
    expect(await paymentYearDeadlines({ db: testDb(), practitionerId: p.id })).toEqual([]);
  });
});
