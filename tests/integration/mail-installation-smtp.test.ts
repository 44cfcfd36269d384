import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestInvoice } from "../../prisma/seed/factories/invoices";
import { createTestPatient } from "../../prisma/seed/factories/patients";
import { createTestProfile } from "../../prisma/seed/factories/profiles";
import { startSmtpTestServer, type SmtpTestServer } from "../support/smtp-test-server";
import { registerTestPractitioner, testDb } from "./test-db";

// SMTP_URL: the installation's own server, for every practitioner without SMTP settings of their own. The
// environment is read once per process (lib/env.ts), so this file sets it, then loads the mail service afresh.
const USER = "studio@example.test";
const PASSWORD = "segreto-installazione-7Kq";

describe("the installation's SMTP server (SMTP_URL)", () => {
  let server: SmtpTestServer;
  const saved = { url: process.env.SMTP_URL, from: process.env.SMTP_FROM };

  beforeAll(async () => {
    server = await startSmtpTestServer({ auth: { user: USER, pass: PASSWORD } });
    process.env.SMTP_URL = `smtp://${encodeURIComponent(USER)}:${PASSWORD}@127.0.0.1:${server.port}`;
    process.env.SMTP_FROM = "segreteria@example.test";
    vi.resetModules();
  });
  afterAll(async () => {
    process.env.SMTP_URL = saved.url;
    process.env.SMTP_FROM = saved.from;
    if (saved.url === undefined) delete process.env.SMTP_URL;
    if (saved.from === undefined) delete process.env.SMTP_FROM;
    vi.resetModules();
    await server.close();
  });

  it("delivers a practitioner's invoice through it, from SMTP_FROM, instead of keeping it in the outbox", async () => {
    const { sendInvoiceEmail } = await import("../../lib/services/mail/send-invoice-email");
    const db = testDb();
    const practitionerId = (await registerTestPractitioner("mail-installation")).id;
    await createTestProfile(db, practitionerId);
    const patient = await createTestPatient(db, practitionerId, { firstName: "Rita", lastName: "Serverini" });
    const invoice = await createTestInvoice(db, practitionerId, { patientId: patient.id, issueDate: "2026-04-02" });

    const outcome = await sendInvoiceEmail({
      db,
      practitionerId,
      invoiceId: invoice.id,
      input: { to: "rita@example.test" },
    });
    expect(outcome).toMatchObject({ status: "sent", error: null });
    const [mail] = await server.waitFor(1);
    expect(mail.envelopeTo).toEqual(["rita@example.test"]);
    expect(mail.parsed.from?.value[0]?.address).toBe("segreteria@example.test");
    expect(mail.parsed.text).toContain("Rita Serverini");
    expect(mail.parsed.attachments[0]?.contentType).toBe("application/pdf");
    // The URL's password is the installation's secret: not in the message, nor in what was stored.
    const stored = await db.outboxMessage.findMany({ where: { practitionerId } });
    expect(JSON.stringify(stored)).not.toContain(PASSWORD);
    expect(mail.parsed.text).not.toContain(PASSWORD);
  });
});
