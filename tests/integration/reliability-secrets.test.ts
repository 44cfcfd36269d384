import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Prisma } from "../../lib/generated/sqlite/client";
import { openSecret, sealSecret } from "../../lib/crypto/secret-box";
import { encryptionKey } from "../../lib/env";
import { sendDocumentNow } from "../../lib/services/sts/send-document-now";
import { uploadBatch } from "../../lib/services/sts/upload-batch";
import { pollDueSubmissions } from "../../lib/services/sts/poll-due-submissions";
import { runAutomaticSending } from "../../lib/services/sts/run-automatic-sending";
import { sweepStuck } from "../../lib/services/sts/sweep-stuck";
import { loadStsCredentials } from "../../lib/services/sts/sts-connection";
import { saveStsSettings } from "../../lib/services/sts-settings/save-sts-settings";
import { checkStsCredentials } from "../../lib/services/sts-settings/check-sts-credentials";
import { getStsSettingsView } from "../../lib/services/sts-settings/get-sts-settings-view";
import { toActionError } from "../../lib/app-error";
import { createTestInvoice } from "../../prisma/seed/factories/invoices";
import { KIT_STS } from "../../prisma/seed/factories/sts";
import { rotateEncryptionKey } from "../../scripts/rotate-key";
import { getMailSettingsView } from "../../lib/services/mail/get-mail-settings-view";
import { saveMailSettings } from "../../lib/services/mail/save-mail-settings";
import { sendInvoiceEmail } from "../../lib/services/mail/send-invoice-email";
import { startSmtpTestServer } from "../support/smtp-test-server";
import { exportedFiles } from "./export-harness";
import { generate } from "otplib";
import { authenticatePractitioner } from "../../lib/services/accounts/authenticate-practitioner";
import { confirmTwoFactor } from "../../lib/services/two-factor/confirm-two-factor";
import { startTwoFactor } from "../../lib/services/two-factor/start-two-factor";
import { registerTestPractitioner, TEST_PASSWORD, testDb } from "./test-db";
import { stsPractitioner, useSimulator } from "./sts-harness";

// Secrets and privacy after a full send: the STS password and PIN (and a wrong password typed once) appear nowhere
// in plaintext — not in any database table, the stored SOAP traffic, the logs, the settings view the page renders,
// nor the error messages — and patients' codici fiscali are never logged.

const simulator = useSimulator();
const WRONG_PASSWORD = "Sbagliata-Segreta-77";
const logs: string[] = [];

beforeAll(() => {
  for (const method of ["log", "error", "warn", "info", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logs.push(args.map(String).join(" ")));
  }
});
afterAll(() => vi.restoreAllMocks());

const paid = { paymentDate: "2026-03-10", paymentMethod: "carta" as const };

/** Every row of every table, as text (bytes as latin1 so that a secret inside a blob is found too). */
async function dumpDatabase(): Promise<string> {
  const parts: string[] = [];
  for (const model of Object.values(Prisma.ModelName)) {
    const delegate = (testDb() as unknown as Record<string, { findMany(): Promise<unknown[]> }>)[
      model[0]!.toLowerCase() + model.slice(1)
    ]!;
    const rows = await delegate.findMany();
    parts.push(
      JSON.stringify(rows, (_key, value) =>
        value instanceof Uint8Array ? Buffer.from(value).toString("latin1") : value,
      ),
    );
  }
  return parts.join("\n");
}

function forms(secret: string): string[] {
  // The plaintext, and the ways it could leak encoded (Basic auth header, base64 of the value).
  return [
    secret,
    Buffer.from(secret).toString("base64"),
    Buffer.from(`${KIT_STS.username}:${secret}`).toString("base64"),
  ];
}

describe("secrets and privacy after a full send", () => {
  it("password and PIN are nowhere in plaintext (database, SOAP traffic, logs, settings view, errors); patients' CFs are not logged", async () => {
    const p = await stsPractitioner("secrets", {
      autoSend: true,
      autoSendFrom: "2026-01-01",
      password: "placeholder",
      pincode: "0000000000",
    });
    // Through the settings service, as the page does.
    await saveStsSettings({
      db: testDb(),
      practitionerId: p.id,
      input: {
        cfTitolare: KIT_STS.cfTitolare,
        username: KIT_STS.username,
        password: KIT_STS.password,
        pincode: KIT_STS.pincode,
        autoSend: true,
        autoSendFrom: "2026-01-01",
        passwordValidityDays: "",
      },
    });
    expect(await checkStsCredentials({ db: testDb(), practitionerId: p.id, now: new Date() })).toMatchObject({
      ok: true,
    });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++)
      ids.push((await createTestInvoice(testDb(), p.id, { patientId: p.patientId, ...paid })).id);
    const log = (line: string) => void logs.push(line);
    const errors: string[] = [];
    // A sync send, a failing sync send (SOAP fault), a batch, polling, the sweep, the hourly run.
    expect((await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: ids[0]! })).outcome).toBe(
      "accepted",
    );
    simulator.sim.faults.push({ type: "malformed", operation: "DocumentoSpesa730p", times: 1 });
    const uncertain = await sendDocumentNow({ db: testDb(), practitionerId: p.id, invoiceId: ids[1]! });
    errors.push(uncertain.message ?? "");
    await uploadBatch({ db: testDb(), practitionerId: p.id, trigger: "manual", invoiceIds: [ids[2]!] });
    await runAutomaticSending({ db: testDb(), slot: new Date("2026-11-29T09:10:00Z"), concurrency: 2, log });
    const later = new Date(Date.now() + 60 * 60_000);
    await sweepStuck({ db: testDb(), now: later, log });
    await pollDueSubmissions({ db: testDb(), workerId: "secrets", concurrency: 2, now: later, log });
    // A wrong password typed once: refused by STS, the message must not echo it.
    await saveStsSettings({
      db: testDb(),
      practitionerId: p.id,
      input: {
        cfTitolare: KIT_STS.cfTitolare,
        username: KIT_STS.username,
        password: WRONG_PASSWORD,
        pincode: "",
        autoSend: true,
        autoSendFrom: "2026-01-01",
        passwordValidityDays: "",
      },
    });
    const refused = await checkStsCredentials({ db: testDb(), practitionerId: p.id, now: new Date() });
    expect(refused.ok).toBe(false);
    errors.push(refused.message, refused.fix ?? "");
    // An unexpected error is neither echoed to the user nor logged with its message (only its kind and place).
    const action = toActionError(new Error(`boom ${KIT_STS.password} ${KIT_STS.pincode}`), "secrets-test");
    errors.push(JSON.stringify(action));
    const view = JSON.stringify(await getStsSettingsView({ db: testDb(), practitionerId: p.id, today: new Date() }));

    // The full export carries the STS settings and traffic records, never the secrets (nor their sealed form).
    const exported = await exportedFiles(p.id);
    expect(Object.keys(exported.files).some((path) => /^sts\/ricevuta-.+\.pdf$/.test(path))).toBe(true);
    const exportText = Object.entries(exported.files)
      .map(([path, bytes]) => `${path}\n${Buffer.from(bytes).toString("latin1")}`)
      .join("\n");
    expect(exportText).toContain(KIT_STS.cfTitolare);

    const exchanges = await testDb().stsExchange.findMany({ where: { practitionerId: p.id } });
    expect(exchanges.length).toBeGreaterThan(5);
    const database = await dumpDatabase();
    const places: Record<string, string> = {
      database,
      logs: logs.join("\n"),
      view,
      errors: errors.join("\n"),
      traffic: JSON.stringify(exchanges),
      export: exportText,
    };
    const leaks: string[] = [];
    for (const secret of [KIT_STS.password, KIT_STS.pincode, WRONG_PASSWORD]) {
      for (const form of forms(secret))
        for (const [where, text] of Object.entries(places))
          if (text.includes(form)) leaks.push(`${secret} (${form}) in ${where}`);
    }
    expect(leaks).toEqual([]);
    // The secrets are stored, sealed (the test would pass trivially if they were not stored at all).
    const settings = await testDb().stsSettings.findUniqueOrThrow({ where: { practitionerId: p.id } });
    expect(settings.passwordEnc).toMatch(/^v1\./);
    expect(exportText).not.toContain(settings.passwordEnc!);
    expect(exportText).not.toContain(settings.pincodeEnc!);
    expect(openSecret(settings.pincodeEnc!, encryptionKey())).toBe(KIT_STS.pincode);
    // Patients' codici fiscali never reach the logs.
    const cfs = (await testDb().patient.findMany({ select: { codiceFiscale: true } }))
      .map((x) => x.codiceFiscale)
      .filter(Boolean) as string[];
    expect(cfs.length).toBeGreaterThan(0);
    expect(cfs.filter((cf) => logs.join("\n").toUpperCase().includes(cf.toUpperCase()))).toEqual([]);
  });
});

describe("encryption key rotation (PARCELLA_ENCRYPTION_KEY_PREVIOUS + scripts/rotate-key.ts)", () => {
  it("re-seals every stored secret with the new key; the old key still opens secrets until then; a second run changes nothing", async () => {
    const oldKey = encryptionKey();
    const newKey = randomBytes(32);
    const p = await stsPractitioner("rotate");
    const q = await stsPractitioner("rotate-2");
    const before = await testDb().stsSettings.findMany({ where: { practitionerId: { in: [p.id, q.id] } } });
    // A row whose secrets open with no known key is reported and left alone.
    const stranger = await stsPractitioner("rotate-lost");
    await testDb().stsSettings.update({
      where: { practitionerId: stranger.id },
      data: { passwordEnc: sealSecret("x", randomBytes(32)) },
    });

    const summary = await rotateEncryptionKey({ db: testDb(), current: newKey, previous: [oldKey] });
    // The integration database is shared with other files, whose rows may be sealed with keys of their own.
    expect(summary.unreadable).toContain(stranger.id);
    expect(summary.unreadable).not.toContain(p.id);
    expect(summary.unreadable).not.toContain(q.id);
    expect(summary.resealed).toBeGreaterThanOrEqual(2);
    const after = await testDb().stsSettings.findMany({ where: { practitionerId: { in: [p.id, q.id] } } });
    for (const row of after) {
      expect(openSecret(row.passwordEnc!, newKey)).toBe(KIT_STS.password);
      expect(openSecret(row.pincodeEnc!, newKey)).toBe(KIT_STS.pincode);
      expect(() => openSecret(row.passwordEnc!, oldKey)).toThrow();
      expect(row.passwordEnc).not.toBe(before.find((b) => b.practitionerId === row.practitionerId)!.passwordEnc);
    }
    const again = await rotateEncryptionKey({ db: testDb(), current: newKey, previous: [oldKey] });
    expect(again.resealed).toBe(0);
    expect(again.unreadable).toContain(stranger.id);
    expect(again.unreadable).not.toContain(p.id);

    // The app during the rotation window: current key = new, previous = old, both kinds of rows open.
    const stillOld = await stsPractitioner("rotate-window");
    process.env.PARCELLA_ENCRYPTION_KEY_PREVIOUS = oldKey.toString("base64");
    process.env.PARCELLA_ENCRYPTION_KEY = newKey.toString("base64");
    vi.resetModules();
    const connection = await import("../../lib/services/sts/sts-connection");
    expect((await connection.loadStsCredentials(testDb(), stillOld.id))!.password).toBe(KIT_STS.password);
    expect((await connection.loadStsCredentials(testDb(), p.id))!.pincode).toBe(KIT_STS.pincode);
    // Without the previous key, a row not yet rotated cannot be opened (and says so; it is never garbage).
    delete process.env.PARCELLA_ENCRYPTION_KEY_PREVIOUS;
    vi.resetModules();
    const strict = await import("../../lib/services/sts/sts-connection");
    await expect(strict.loadStsCredentials(testDb(), stillOld.id)).rejects.toThrow(/decrypted/);
    expect((await loadStsCredentials(testDb(), stillOld.id))!.password).toBe(KIT_STS.password);
  });
});

describe("the SMTP password", () => {
  it("is sealed at rest, never shown back, never in logs, errors or the database; key rotation re-seals it", async () => {
    const SMTP_PASSWORD = "Posta-Segreta-4411";
    const WRONG_SMTP = "Posta-Sbagliata-9922";
    const server = await startSmtpTestServer({ auth: { user: "studio@example.test", pass: SMTP_PASSWORD } });
    try {
      const p = await stsPractitioner("smtp-secret");
      const db = testDb();
      const invoice = await createTestInvoice(db, p.id, { patientId: p.patientId, issueDate: "2026-03-10", ...paid });
      const settings = (password: string) => ({
        smtpHost: "127.0.0.1",
        smtpPort: String(server.port),
        smtpSecurity: "none",
        smtpUser: "studio@example.test",
        smtpPassword: password,
      });
      await saveMailSettings({ db, practitionerId: p.id, input: settings(WRONG_SMTP) });
      const failed = await sendInvoiceEmail({
        db,
        practitionerId: p.id,
        invoiceId: invoice.id,
        input: { to: "p@example.test" },
      });
      expect(failed.status).toBe("queued");
      await saveMailSettings({ db, practitionerId: p.id, input: settings(SMTP_PASSWORD) });
      const sent = await sendInvoiceEmail({
        db,
        practitionerId: p.id,
        invoiceId: invoice.id,
        input: { to: "p@example.test" },
      });
      expect(sent.status).toBe("sent");
      // Saving again with the field empty keeps it.
      await saveMailSettings({ db, practitionerId: p.id, input: { ...settings(""), senderName: "Studio" } });
      const stored = await db.mailSettings.findUniqueOrThrow({ where: { practitionerId: p.id } });
      expect(openSecret(stored.smtpPasswordEnc!, encryptionKey())).toBe(SMTP_PASSWORD);

      const view = JSON.stringify(await getMailSettingsView(db, p.id));
      const everything = [await dumpDatabase(), logs.join("\n"), view, failed.error ?? ""].join("\n");
      for (const secret of [SMTP_PASSWORD, WRONG_SMTP]) {
        for (const form of [secret, Buffer.from(secret).toString("base64")]) expect(everything).not.toContain(form);
      }

      const newKey = randomBytes(32);
      const summary = await rotateEncryptionKey({ db, current: newKey, previous: [encryptionKey()] });
      expect(summary.mail.unreadable).not.toContain(p.id);
      const rotated = await db.mailSettings.findUniqueOrThrow({ where: { practitionerId: p.id } });
      expect(openSecret(rotated.smtpPasswordEnc!, newKey)).toBe(SMTP_PASSWORD);
    } finally {
      await server.close();
    }
  });
});

describe("two-factor secrets", () => {
  it("the TOTP secret and the recovery codes are nowhere in plaintext (database, logs, errors); the secret is sealed and rotates with the key", async () => {
    const p = await registerTestPractitioner("secret-2fa");
    const { secret } = await startTwoFactor({ db: testDb(), practitionerId: p.id });
    const now = new Date();
    const epoch = Math.floor(now.getTime() / 1000);
    const { recoveryCodes } = await confirmTwoFactor({
      db: testDb(),
      practitionerId: p.id,
      input: { code: await generate({ secret, epoch }) },
      now,
    });
    const errors: string[] = [];
    // A login with a wrong code, one with a recovery code, one with the app's next code.
    for (const code of ["000000", recoveryCodes[0]!, await generate({ secret, epoch: epoch + 30 })]) {
      await authenticatePractitioner({
        db: testDb(),
        input: { email: p.email, password: TEST_PASSWORD, code },
        now,
      }).catch((error: unknown) => errors.push(String(error), JSON.stringify(toActionError(error, "two-factor-test"))));
    }
    expect(errors.length).toBeGreaterThan(0);
    const places = { database: await dumpDatabase(), logs: logs.join("\n"), errors: errors.join("\n") };
    const leaks: string[] = [];
    const normalised = recoveryCodes.map((code) => code.replaceAll("-", ""));
    for (const value of [secret, ...recoveryCodes, ...normalised])
      for (const form of [value, Buffer.from(value).toString("base64")])
        for (const [where, text] of Object.entries(places)) if (text.includes(form)) leaks.push(`${value} in ${where}`);
    expect(leaks).toEqual([]);
    const stored = await testDb().twoFactor.findUniqueOrThrow({ where: { practitionerId: p.id } });
    expect(stored.secretEnc).toMatch(/^v1\./);
    expect(openSecret(stored.secretEnc, encryptionKey())).toBe(secret);

    const newKey = randomBytes(32);
    const summary = await rotateEncryptionKey({ db: testDb(), current: newKey, previous: [encryptionKey()] });
    expect(summary.unreadable).not.toContain(p.id);
    expect(summary.twoFactor.resealed).toBeGreaterThanOrEqual(1);
    const rotated = await testDb().twoFactor.findUniqueOrThrow({ where: { practitionerId: p.id } });
    expect(openSecret(rotated.secretEnc, newKey)).toBe(secret);
  });
});
