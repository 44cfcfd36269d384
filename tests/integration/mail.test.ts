import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractText } from "unpdf";
import { listInvoiceMessages, findOutboxMessage } from "../../lib/data/mail";
import { deliverMessage } from "../../lib/services/mail/deliver-message";
import { saveMailSettings } from "../../lib/services/mail/save-mail-settings";
import { sendInvoiceEmail } from "../../lib/services/mail/send-invoice-email";
import { createTestInvoice } from "../../prisma/seed/factories/invoices";
import { createTestPatient } from "../../prisma/seed/factories/patients";
import { createTestProfile } from "../../prisma/seed/factories/profiles";
import { startSmtpTestServer, type SmtpTestServer } from "../support/smtp-test-server";
import { appErrorOf, registerTestPractitioner, testDb } from "./test-db";

const SMTP_USER = "studio@example.test";
const SMTP_PASSWORD = "segreto-smtp-Zq81";

function smtpSettings(port: number, extra: object = {}) {
  return {
    senderName: "Dott.ssa Posta",
    replyTo: "risposte@example.test",
    smtpHost: "127.0.0.1",
    smtpPort: String(port),
    smtpSecurity: "none",
    smtpUser: SMTP_USER,
    smtpPassword: SMTP_PASSWORD,
    ...extra,
  };
}

describe("invoice by e-mail", () => {
  let server: SmtpTestServer;
  let practitionerId: string;
  let invoiceId: string;
  let invoiceNumber: string;
  let otherPatientName: string;

  beforeAll(async () => {
    server = await startSmtpTestServer({ auth: { user: SMTP_USER, pass: SMTP_PASSWORD } });
    const db = testDb();
    practitionerId = (await registerTestPractitioner("mail")).id;
    await createTestProfile(db, practitionerId);
    const patient = await createTestPatient(db, practitionerId, { firstName: "Marta", lastName: "Postini" });
    const other = await createTestPatient(db, practitionerId, { firstName: "Elio", lastName: "Altrove" });
    otherPatientName = "Altrove";
    await createTestInvoice(db, practitionerId, { patientId: other.id, issueDate: "2026-03-01" });
    const invoice = await createTestInvoice(db, practitionerId, { patientId: patient.id, issueDate: "2026-03-02" });
    invoiceId = invoice.id;
    invoiceNumber = `${invoice.number}/${invoice.year}`;
  });
  afterAll(() => server.close());

  it("with nothing configured keeps the message in the local outbox, attachment included", async () => {
    const db = testDb();
    const outcome = await sendInvoiceEmail({ db, practitionerId, invoiceId, input: { to: "marta@example.test" } });
    expect(outcome).toMatchObject({ status: "outbox", error: null });
    const stored = await findOutboxMessage(db, practitionerId, outcome.id);
    expect(stored?.subject).toContain(invoiceNumber);
    expect(stored?.attachment?.length).toBeGreaterThan(1000);
    expect(server.received).toHaveLength(0);
  });

  it("refuses an invalid address beside the field", async () => {
    const error = await appErrorOf(
      sendInvoiceEmail({ db: testDb(), practitionerId, invoiceId, input: { to: "marta@" } }),
    );
    expect(error.fieldErrors.to?.[0]).toMatch(/non valido/);
  });

  it("delivers through the practitioner's SMTP server: recipient, subject, body and the invoice PDF", async () => {
    const db = testDb();
    await saveMailSettings({ db, practitionerId, input: smtpSettings(server.port) });
    const outcome = await sendInvoiceEmail({ db, practitionerId, invoiceId, input: { to: "marta@example.test" } });
    expect(outcome).toMatchObject({ status: "sent", error: null });
    const [mail] = await server.waitFor(1);
    expect(mail.envelopeTo).toEqual(["marta@example.test"]);
    expect(mail.parsed.from?.value[0]).toMatchObject({ name: "Dott.ssa Posta", address: SMTP_USER });
    expect(mail.parsed.replyTo?.value[0].address).toBe("risposte@example.test");
    expect(mail.parsed.subject).toBe(`Fattura n. ${invoiceNumber} del 02/03/2026`);
    expect(mail.parsed.text).toContain("Gentile Marta Postini");
    expect(mail.parsed.attachments).toHaveLength(1);
    const attachment = mail.parsed.attachments[0];
    expect(attachment.contentType).toBe("application/pdf");
    const { text } = await extractText(new Uint8Array(attachment.content), { mergePages: true });
    expect(text).toContain("Postini");
    expect(text).toContain(invoiceNumber);
    const whole = `${mail.parsed.text}\n${text}`;
    expect(whole).not.toContain(otherPatientName);
    expect(whole).not.toContain(SMTP_PASSWORD);
    const recorded = await listInvoiceMessages(db, practitionerId, invoiceId);
    expect(recorded[0]).toMatchObject({ status: "sent", toAddress: "marta@example.test", lastError: null });
    expect(recorded[0].sentAt).toBeInstanceOf(Date);
  });

  it("uses the practitioner's own template", async () => {
    const db = testDb();
    const template = { invoiceSubject: "Documento {numero}", invoiceBody: "Salve {paziente}, importo {importo}." };
    await saveMailSettings({ db, practitionerId, input: smtpSettings(server.port, template) });
    await sendInvoiceEmail({ db, practitionerId, invoiceId, input: { to: "marta@example.test" } });
    const received = await server.waitFor(2);
    expect(received[1].parsed.subject).toBe(`Documento ${invoiceNumber}`);
    expect(received[1].parsed.text?.trim()).toMatch(/^Salve Marta Postini, importo \d+,\d\d\s€\.$/);
  });

  it("an SMTP failure leaves the message queued with the error in Italian; a retry delivers it", async () => {
    const db = testDb();
    await saveMailSettings({ db, practitionerId, input: smtpSettings(server.port, { smtpPassword: "sbagliata" }) });
    const before = server.received.length;
    const failed = await sendInvoiceEmail({ db, practitionerId, invoiceId, input: { to: "marta@example.test" } });
    expect(failed.status).toBe("queued");
    expect(failed.error).toMatch(/rifiutato nome utente o password/);
    expect(failed.error).not.toContain("sbagliata");
    const stored = await findOutboxMessage(db, practitionerId, failed.id);
    expect(stored).toMatchObject({ status: "queued", attempts: 1 });

    await saveMailSettings({ db, practitionerId, input: smtpSettings(server.port) });
    const retried = await deliverMessage({ db, practitionerId, messageId: failed.id });
    expect(retried.status).toBe("sent");
    await server.waitFor(before + 1);
    expect(await findOutboxMessage(db, practitionerId, failed.id)).toMatchObject({ status: "sent", attempts: 2 });
    // Sent once: never again.
    const again = await appErrorOf(deliverMessage({ db, practitionerId, messageId: failed.id }));
    expect(again.code).toBe("conflict");
  });

  it("a server that refuses the recipient, and a closed port, are explained", async () => {
    const db = testDb();
    const refusing = await startSmtpTestServer({ rejectRecipients: true });
    try {
      await saveMailSettings({
        db,
        practitionerId,
        input: smtpSettings(refusing.port, { smtpUser: "", smtpFrom: SMTP_USER }),
      });
      const refused = await sendInvoiceEmail({ db, practitionerId, invoiceId, input: { to: "marta@example.test" } });
      expect(refused).toMatchObject({ status: "queued" });
      expect(refused.error).toMatch(/rifiutato il destinatario/);
    } finally {
      await refusing.close();
    }
    await saveMailSettings({ db, practitionerId, input: smtpSettings(refusing.port) });
    const closed = await sendInvoiceEmail({ db, practitionerId, invoiceId, input: { to: "marta@example.test" } });
    expect(closed.error).toMatch(/non è raggiungibile/);
  });

  it("another practitioner cannot send or retry this practitioner's messages", async () => {
    const db = testDb();
    const intruder = (await registerTestPractitioner("mail-b")).id;
    const error = await appErrorOf(
      sendInvoiceEmail({ db, practitionerId: intruder, invoiceId, input: { to: "x@example.test" } }),
    );
    expect(error.code).toBe("not_found");
    const [message] = await listInvoiceMessages(db, practitionerId, invoiceId);
    expect((await appErrorOf(deliverMessage({ db, practitionerId: intruder, messageId: message.id }))).code).toBe(
      "not_found",
    );
  });
});
