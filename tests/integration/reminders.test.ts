import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listOverdueInvoices } from "../../lib/services/mail/overdue-invoices";
import { runAutomaticReminders } from "../../lib/services/mail/run-automatic-reminders";
import { saveMailSettings } from "../../lib/services/mail/save-mail-settings";
import { sendReminders } from "../../lib/services/mail/send-reminders";
import { recordPayment } from "../../lib/services/invoices/record-payment";
import { createTestInvoice } from "../../prisma/seed/factories/invoices";
import { createTestPatient } from "../../prisma/seed/factories/patients";
import { createTestProfile } from "../../prisma/seed/factories/profiles";
import { startSmtpTestServer, type SmtpTestServer } from "../support/smtp-test-server";
import { registerTestPractitioner, testDb } from "./test-db";

const DAY = 86_400_000;
const T0 = new Date("2026-11-01T08:30:00Z");
const at = (days: number) => () => new Date(T0.getTime() + days * DAY);

describe("payment reminders", () => {
  let server: SmtpTestServer;
  let practitionerId: string;
  const ids: Record<string, string> = {};
  const numbers: Record<string, string> = {};

  beforeAll(async () => {
    server = await startSmtpTestServer();
    const db = testDb();
    practitionerId = (await registerTestPractitioner("reminders")).id;
    await createTestProfile(db, practitionerId);
    const withEmail = await createTestPatient(db, practitionerId, {
      lastName: "Ritardi",
      email: "ritardi@example.test",
    });
    const withoutEmail = await createTestPatient(db, practitionerId, { lastName: "Senzamail" });
    const issue = async (key: string, patientId: string, issueDate: string, extra: object = {}) => {
      const invoice = await createTestInvoice(db, practitionerId, { patientId, issueDate, ...extra });
      ids[key] = invoice.id;
      numbers[key] = `${invoice.number}/${invoice.year}`;
    };
    await issue("overdue", withEmail.id, "2026-09-01");
    await issue("paid", withEmail.id, "2026-09-02", { paymentDate: "2026-09-02", paymentMethod: "carta" });
    await issue("noEmail", withoutEmail.id, "2026-09-03");
    await issue("recent", withEmail.id, "2026-10-20");
    await saveMailSettings({
      db,
      practitionerId,
      input: {
        smtpHost: "127.0.0.1",
        smtpPort: String(server.port),
        smtpSecurity: "none",
        smtpFrom: "studio@example.test",
        reminderAfterDays: "30",
        reminderEveryDays: "15",
        autoReminders: true,
      },
    });
  });
  afterAll(() => server.close());

  it("lists the invoices unpaid 30 days after their date", async () => {
    const { invoices } = await listOverdueInvoices({ db: testDb(), practitionerId, now: at(0)() });
    expect(invoices.map((i) => i.id)).toEqual([ids.overdue, ids.noEmail]);
  });

  it("automatic reminders: at most one every 15 days per invoice, none after payment", async () => {
    const db = testDb();
    const run = (days: number) => runAutomaticReminders({ db, now: at(days) });
    expect(await run(0)).toMatchObject({ sent: 1 });
    const [first] = await server.waitFor(1);
    expect(first.envelopeTo).toEqual(["ritardi@example.test"]);
    expect(first.parsed.subject).toBe(`Promemoria: fattura n. ${numbers.overdue} del 01/09/2026`);
    expect(first.parsed.text).toContain("risulta ancora da saldare");
    expect(first.parsed.attachments).toHaveLength(0);

    expect(await run(1)).toMatchObject({ sent: 0 });
    expect(await run(14)).toMatchObject({ sent: 0 });
    expect(await run(15)).toMatchObject({ sent: 1 });
    expect(server.received).toHaveLength(2);
    expect(server.received[1].parsed.subject).toContain(numbers.overdue);

    await recordPayment({
      db,
      practitionerId,
      actorId: practitionerId,
      invoiceId: ids.overdue,
      input: { paymentDate: "2026-11-20", paymentMethod: "bonifico", paidInAdvance: false },
    });
    // Day 40: the paid invoice gets nothing; the October invoice is now 30 days old and gets its first.
    expect(await run(40)).toMatchObject({ sent: 1 });
    expect(server.received).toHaveLength(3);
    expect(server.received[2].parsed.subject).toContain(numbers.recent);
    expect(await run(80)).toMatchObject({ sent: 1 });
    expect(server.received.map((m) => m.parsed.subject).filter((s) => s?.includes(numbers.overdue))).toHaveLength(2);
  });

  it("two workers on the same tick send one reminder", async () => {
    const db = testDb();
    const before = server.received.length;
    const [a, b] = await Promise.all([
      runAutomaticReminders({ db, now: at(100) }),
      runAutomaticReminders({ db, now: at(100) }),
    ]);
    expect(a.sent + b.sent).toBe(1);
    await server.waitFor(before + 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(server.received).toHaveLength(before + 1);
  });

  it("a reminder on request: patients without an address are reported, paid invoices refused", async () => {
    const db = testDb();
    const report = await sendReminders({ db, practitionerId, invoiceIds: [ids.recent, ids.noEmail, ids.paid] });
    expect(report.outcomes).toHaveLength(1);
    expect(report.outcomes[0].status).toBe("sent");
    expect(report.skipped).toEqual([{ number: numbers.noEmail, reason: expect.stringMatching(/indirizzo e-mail/) }]);
  });
});
