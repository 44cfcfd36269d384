import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../lib/app-error";
import { registerPractitioner } from "../../lib/services/accounts/register-practitioner";
import { loadStsCredentials } from "../../lib/services/sts/sts-connection";
import { checkStsCredentials, pauseAutomaticSending } from "../../lib/services/sts-settings/check-sts-credentials";
import { getStsSettingsView } from "../../lib/services/sts-settings/get-sts-settings-view";
import { saveStsSettings } from "../../lib/services/sts-settings/save-sts-settings";
import { createStsSimulator, type StsSimulator } from "../../lib/sts/simulator/server";
import { testDb, uniqueEmail } from "./test-db";

const KIT = { cfTitolare: "MTOMRA66A41G224M", password: "Salve123", pincode: "3489543096" };
const NOW = new Date("2026-03-15T10:00:00Z");
let sim: StsSimulator;

// env() caches on first use: point the app at this file's simulator before any service runs (the encryption key and
// the rest of the test configuration come from global-setup.ts).
beforeAll(async () => {
  sim = await createStsSimulator({ port: 0 });
  process.env.STS_SIMULATOR_URL = sim.url;
});
afterAll(() => sim?.close());

async function practitioner(label: string) {
  const password = "password-sicura-1";
  const p = await registerPractitioner({
    db: testDb(),
    input: { name: `Dott. ${label}`, email: uniqueEmail(label), password, passwordConfirm: password },
  });
  return p.id;
}

function settingsInput(overrides: Record<string, unknown> = {}) {
  return { ...KIT, username: "", autoSend: false, autoSendFrom: "", passwordValidityDays: "", ...overrides };
}

const row = (practitionerId: string) => testDb().stsSettings.findUniqueOrThrow({ where: { practitionerId } });

describe("STS settings", () => {
  it("stores password and PIN encrypted, never in clear, and reads them back only through the loader", async () => {
    const id = await practitioner("enc");
    const result = await saveStsSettings({
      db: testDb(),
      practitionerId: id,
      input: settingsInput({ password: " Salve123 " }),
      now: NOW,
    });
    expect(result.warnings.password?.[0]).toMatch(/spazi all'inizio o alla fine/);
    expect(JSON.stringify(result)).not.toContain("Salve123");

    const stored = await row(id);
    const text = JSON.stringify(stored);
    expect(text).not.toContain("Salve123");
    expect(text).not.toContain(KIT.pincode);
    expect(stored.passwordEnc).toMatch(/^v1\./);
    expect(stored).toMatchObject({
      cfTitolare: KIT.cfTitolare,
      username: KIT.cfTitolare,
      passwordSetAt: NOW,
      pincodeSetAt: NOW,
      autoSend: false,
    });
    expect(await loadStsCredentials(testDb(), id)).toEqual({
      username: KIT.cfTitolare,
      password: "Salve123",
      pincode: KIT.pincode,
      cfProprietario: KIT.cfTitolare,
    });

    const view = await getStsSettingsView({ db: testDb(), practitionerId: id, today: NOW });
    expect(JSON.stringify(view)).not.toMatch(/Salve123|3489543096|v1\./);
  });

  it("keeps the stored password and PIN when the fields are left empty", async () => {
    const id = await practitioner("keep");
    await saveStsSettings({ db: testDb(), practitionerId: id, input: settingsInput(), now: NOW });
    const before = await row(id);
    const later = new Date("2026-03-20T10:00:00Z");
    await saveStsSettings({
      db: testDb(),
      practitionerId: id,
      input: settingsInput({ password: "", pincode: "", autoSend: true, autoSendFrom: "2026-01-01" }),
      now: later,
    });
    const after = await row(id);
    expect(after).toMatchObject({
      passwordEnc: before.passwordEnc,
      pincodeEnc: before.pincodeEnc,
      passwordSetAt: NOW,
      autoSend: true,
      autoSendFrom: "2026-01-01",
    });
    expect((await loadStsCredentials(testDb(), id))?.password).toBe("Salve123");
  });

  it("refuses automatic sending without a minimum date, with the error on the date field, and changes nothing", async () => {
    const id = await practitioner("nodate");
    await saveStsSettings({ db: testDb(), practitionerId: id, input: settingsInput(), now: NOW });
    const error = await saveStsSettings({
      db: testDb(),
      practitionerId: id,
      input: settingsInput({ autoSend: true }),
      now: NOW,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors.autoSendFrom?.[0]).toMatch(/data minima/);
    expect((await row(id)).autoSend).toBe(false);
  });

  it("isolates practitioners: B's save never touches A's row, B's check uses B's credentials", async () => {
    const a = await practitioner("iso-a");
    const b = await practitioner("iso-b");
    await saveStsSettings({ db: testDb(), practitionerId: a, input: settingsInput(), now: NOW });
    const rowA = await row(a);
    await saveStsSettings({
      db: testDb(),
      practitionerId: b,
      input: settingsInput({ pincode: "1111111111" }),
      now: NOW,
    });
    expect(await row(a)).toEqual(rowA);

    const checkB = await checkStsCredentials({ db: testDb(), practitionerId: b, now: NOW });
    expect(checkB.ok).toBe(false);
    expect(await row(a)).toEqual(rowA);
    const checkA = await checkStsCredentials({ db: testDb(), practitionerId: a, now: NOW });
    expect(checkA.ok).toBe(true);
    expect((await row(b)).lastCheckOk).toBe(false);
  });

  it("check passes against the simulator, records the exchanges without secrets and resumes a paused practitioner", async () => {
    const id = await practitioner("resume");
    await saveStsSettings({
      db: testDb(),
      practitionerId: id,
      input: settingsInput({ autoSend: true, autoSendFrom: "2026-01-01" }),
      now: NOW,
    });
    await pauseAutomaticSending({
      db: testDb(),
      practitionerId: id,
      reason: "Il Sistema TS ha rifiutato le credenziali.",
      now: NOW,
    });
    expect((await getStsSettingsView({ db: testDb(), practitionerId: id, today: NOW })).pausedAt).toEqual(NOW);

    const later = new Date("2026-03-15T11:00:00Z");
    const check = await checkStsCredentials({ db: testDb(), practitionerId: id, now: later });
    expect(check).toMatchObject({ ok: true, kind: "ok", resumed: true });
    expect(await row(id)).toMatchObject({
      lastCheckAt: later,
      lastCheckOk: true,
      pausedAt: null,
      pausedReason: null,
      autoSend: true,
    });

    const exchanges = await testDb().stsExchange.findMany({ where: { practitionerId: id } });
    expect(exchanges.length).toBeGreaterThan(0);
    expect(exchanges.every((e) => e.submissionId === null && e.operation === "EsitoInvii")).toBe(true);
    const traffic = JSON.stringify(exchanges);
    expect(traffic).not.toContain("Salve123");
    expect(traffic).not.toContain(Buffer.from(`${KIT.cfTitolare}:Salve123`).toString("base64"));
    expect(traffic).not.toContain(KIT.pincode);
  });

  it("wrong PIN: the check fails with the plain Italian explanation and automatic sending stays paused", async () => {
    const id = await practitioner("wrongpin");
    await saveStsSettings({
      db: testDb(),
      practitionerId: id,
      input: settingsInput({ autoSend: true, autoSendFrom: "2026-01-01" }),
      now: NOW,
    });
    await checkStsCredentials({ db: testDb(), practitionerId: id, now: NOW });
    await pauseAutomaticSending({
      db: testDb(),
      practitionerId: id,
      reason: "Credenziali rifiutate dal Sistema TS.",
      now: NOW,
    });

    const saved = await saveStsSettings({
      db: testDb(),
      practitionerId: id,
      input: settingsInput({ password: "", pincode: "1234567890" }),
      now: NOW,
    });
    expect(saved.credentialsChanged).toBe(true);
    expect((await row(id)).lastCheckOk).toBeNull();

    const check = await checkStsCredentials({ db: testDb(), practitionerId: id, now: NOW });
    expect(check).toMatchObject({ ok: false, kind: "credentials", code: "104", fix: "credentials", resumed: false });
    expect(check.message).toMatch(/Il PIN inserito è errato/);
    expect(await row(id)).toMatchObject({
      lastCheckOk: false,
      pausedAt: NOW,
      pausedReason: "Credenziali rifiutate dal Sistema TS.",
    });
    expect((await row(id)).lastCheckMessage).toMatch(/PIN inserito è errato/);
  });

  it("a refused check pauses automatic sending that was running; an unreachable STS is reported without pausing", async () => {
    const id = await practitioner("pause");
    await saveStsSettings({
      db: testDb(),
      practitionerId: id,
      input: settingsInput({ password: "Sbagliata1", autoSend: true, autoSendFrom: "2026-01-01" }),
      now: NOW,
    });
    const refused = await checkStsCredentials({ db: testDb(), practitionerId: id, now: NOW });
    expect(refused.ok).toBe(false);
    expect(refused.kind).toBe("credentials");
    expect((await row(id)).pausedAt).toEqual(NOW);

    const other = await practitioner("down");
    await saveStsSettings({
      db: testDb(),
      practitionerId: other,
      input: settingsInput({ autoSend: true, autoSendFrom: "2026-01-01" }),
      now: NOW,
    });
    const down = await checkStsCredentials({
      db: testDb(),
      practitionerId: other,
      now: NOW,
      clientFor: () => ({
        checkCredentials: async () => ({
          kind: "transient",
          code: "ECONNREFUSED",
          message: "x",
          info: null,
          exchanges: [],
        }),
      }),
    });
    expect(down).toMatchObject({ ok: false, message: "Servizio STS non raggiungibile, riprova più tardi." });
    expect(await row(other)).toMatchObject({ lastCheckOk: false, pausedAt: null });
  });

  it("refuses to check before the credentials are saved", async () => {
    const id = await practitioner("empty");
    await expect(checkStsCredentials({ db: testDb(), practitionerId: id, now: NOW })).rejects.toThrow(AppError);
  });
});
