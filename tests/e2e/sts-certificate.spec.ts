import { execFileSync } from "node:child_process";
import { createHash, createPublicKey } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { SIMULATOR_PRIVATE_KEY_PEM } from "../../lib/sts/crypto/certs/simulator-key";
import { buildCodiceFiscale } from "../../prisma/seed/factories/codice-fiscale";
import { makeEncryptionCertificate, makeKeyPair } from "../certificates";
import { registerAndLogin, uniqueEmail } from "./helpers";
import { e2eInstance } from "./e2e-env";
import { seedInvoices, seedPatient } from "./seed";
import { screenshotBothWidths } from "./viewports";
import { KIT, sendNow, setUpSts, simulatorAdmin, simulatorConfig, stsCell } from "./sts-helpers";

// The installation's encryption certificate, changed while `npm start` runs (web, worker and simulator): through the
// administrator's command line, with no restart. Every test leaves the shipped certificate and the simulator's key.
const dir = mkdtempSync(join(tmpdir(), "parcella-e2e-cert-"));

function sts(...args: string[]): string {
  return execFileSync(
    process.execPath,
    [join(process.cwd(), "node_modules/tsx/dist/cli.mjs"), join(process.cwd(), "scripts/sts.ts"), ...args],
    {
      encoding: "utf8",
      env: {
        ...process.env,
        DATABASE_URL: e2eInstance().databaseUrl,
        STS_ENVIRONMENT: "simulator",
        STS_SIMULATOR_URL: e2eInstance().simulatorUrl,
      },
    },
  );
}

function installFile(pem: string): string {
  const file = join(dir, `SanitelCF-${Date.now()}.pem`);
  writeFileSync(file, pem);
  return file;
}

/** The simulator's name for a key in its counts: SHA-256 of the public key (SPKI DER), upper-case hex. */
function keyFingerprint(privateKeyPem: string): string {
  const der = createPublicKey(privateKeyPem).export({ type: "spki", format: "der" });
  return createHash("sha256").update(der).digest("hex").toUpperCase();
}

async function decryptions(fingerprintOf: string): Promise<number> {
  const counts = await (await simulatorAdmin("counts")).json();
  return (counts.decryptions as Record<string, number>)[fingerprintOf] ?? 0;
}

async function restoreShipped(...extraKeys: string[]) {
  await simulatorConfig({ privateKeyPems: [SIMULATOR_PRIVATE_KEY_PEM, ...extraKeys] });
  sts("remove-certificate");
  await simulatorConfig({ privateKeyPems: [SIMULATOR_PRIVATE_KEY_PEM] });
}

const uniqueCf = () =>
  buildCodiceFiscale({ sequence: 3_000_000 + Math.floor(Math.random() * 3_000_000), birthDate: "1981-06-15" });

async function paidInvoices(email: string, count: number, date: string) {
  const patient = await seedPatient(email, { firstName: "Nora", lastName: "Galli", codiceFiscale: uniqueCf() });
  await seedInvoices(email, {
    count,
    patientId: patient.id,
    issueDate: date,
    paymentDate: date,
    paymentMethod: "carta",
  });
}

test("a certificate installed while web and worker run is used by both from the next call; STS decrypts with the new key", async ({
  page,
}) => {
  const email = await registerAndLogin(page, "Dott.ssa Nuovo Certificato");
  await setUpSts(page, email);
  await paidInvoices(email, 2, "2026-11-03");

  const next = makeEncryptionCertificate();
  const nextKey = keyFingerprint(next.privateKeyPem);
  try {
    // The simulator takes both keys while the installation switches, then only the new one.
    await simulatorConfig({ privateKeyPems: [SIMULATOR_PRIVATE_KEY_PEM, next.privateKeyPem] });
    const output = sts("install-certificate", installFile(next.certificatePem));
    expect(output).toMatch(/la chiave pubblica è CAMBIATA/);
    await simulatorConfig({ privateKeyPems: [next.privateKeyPem] });
    const before = await decryptions(nextKey);

    // The web process: "Invia ora" (synchronous service, PIN and CFs encrypted by the web app).
    const first = await sendNow(page, "1/2026");
    await expect(first.locator("[data-sts-state]")).toHaveAttribute("data-sts-state", "accepted");
    const afterWeb = await decryptions(nextKey);
    expect(afterWeb).toBeGreaterThan(before);

    // The worker: the web uploads the batch, the worker polls its outcome (PIN encrypted by the worker).
    await page.getByRole("checkbox", { name: "Seleziona 2/2026" }).check();
    await page.getByRole("button", { name: "Invia selezionate al Sistema TS" }).click();
    await expect(page.getByText(/1 documento inviato|1 documenti inviati/)).toBeVisible({ timeout: 30_000 });
    await expect(async () => {
      await page.goto("/fatture");
      await expect(stsCell(page, "2/2026").locator("[data-sts-state]")).toHaveAttribute("data-sts-state", "accepted", {
        timeout: 2_000,
      });
    }).toPass({ timeout: 90_000 });
    const counts = await (await simulatorAdmin("counts")).json();
    expect(counts.requests.EsitoInvii).toBeGreaterThan(0);
    expect(Object.keys(counts.decryptions)).toContain(nextKey);
    expect(await decryptions(nextKey)).toBeGreaterThan(afterWeb);
  } finally {
    await restoreShipped(next.privateKeyPem);
  }
});

test("a 002 pauses sending for every practitioner with what to do; a passing diagnosis lifts it", async ({
  page,
  browser,
}) => {
  const email = await registerAndLogin(page, "Dott. Codice Duecento");
  await setUpSts(page, email);
  await paidInvoices(email, 1, "2026-11-04");
  try {
    await simulatorConfig({ privateKeyPems: [makeKeyPair().privateKeyPem] }); // STS changed key; we did not
    const cell = await sendNow(page, "1/2026");
    await expect(cell.locator("[data-sts-state]")).toHaveAttribute("data-sts-state", "failed");
    await page.goto("/fatture");
    const banner = page.getByTestId("sts-installation-banner");
    await expect(banner).toContainText("Invii al Sistema TS sospesi per tutta l'installazione");
    await expect(banner).toContainText("npm run sts -- install-certificate");
    await expect(banner).toContainText("Non dipende dal tuo PIN né dalla tua password");
    await page.goto("/impostazioni");
    await expect(banner).toBeVisible();
    await screenshotBothWidths(page, "sts-certificate-paused");

    // Another practitioner of the installation sees it too, settings page included.
    const other = await browser.newPage();
    await registerAndLogin(other, "Dott.ssa Altra Professionista", uniqueEmail("other"));
    await other.goto("/impostazioni/sts");
    await expect(other.getByTestId("sts-installation-banner")).toContainText("codice 002");
    await other.close();

    // STS is back to the installation's key: the diagnosis passes, and that lifts the pause.
    await simulatorConfig({ privateKeyPems: [SIMULATOR_PRIVATE_KEY_PEM] });
    await page.goto("/impostazioni/sts/diagnostica");
    await page.getByRole("button", { name: "Avvia la diagnostica" }).click();
    await expect(page.getByTestId("sts-diagnosis-summary")).toContainText("Diagnostica superata", { timeout: 60_000 });
    await page.goto("/fatture");
    await expect(page.getByTestId("sts-installation-banner")).toHaveCount(0);
    const again = await sendNow(page, "1/2026", "failed");
    await expect(again.locator("[data-sts-state]")).toHaveAttribute("data-sts-state", "accepted");
  } finally {
    await restoreShipped();
  }
});

test("Diagnostica STS: every step passes with the kit user; a wrong PIN says which step failed and what to do", async ({
  page,
}) => {
  const email = await registerAndLogin(page, "Dott.ssa Diagnosi");
  await setUpSts(page, email);
  await page.goto("/impostazioni/sts");
  await page.getByRole("link", { name: "Diagnostica STS →" }).click();
  await expect(page.getByRole("heading", { name: "Diagnostica STS" })).toBeVisible();
  await page.getByRole("button", { name: "Avvia la diagnostica" }).click();
  await expect(page.getByTestId("sts-diagnosis-summary")).toContainText("Diagnostica superata", { timeout: 60_000 });
  for (const id of ["dns", "connection", "auth", "pin", "certificate", "clock"])
    await expect(page.getByTestId(`sts-diagnosis-${id}`)).toHaveAttribute("data-status", "ok");
  await screenshotBothWidths(page, "sts-diagnosis-ok");

  await page.goto("/impostazioni/sts");
  await page.getByLabel("PIN (PINCODE)").fill("1111111111");
  await page.getByRole("button", { name: "Salva le impostazioni" }).click();
  await expect(page.getByText(/Impostazioni salvate/)).toBeVisible();
  await page.goto("/impostazioni/sts/diagnostica");
  await page.getByRole("button", { name: "Avvia la diagnostica" }).click();
  await expect(page.getByTestId("sts-diagnosis-summary")).toContainText("il primo problema è «PIN»", {
    timeout: 60_000,
  });
  await expect(page.getByTestId("sts-diagnosis-auth")).toHaveAttribute("data-status", "ok");
  const pin = page.getByTestId("sts-diagnosis-pin");
  await expect(pin).toHaveAttribute("data-status", "failed");
  await expect(pin).toContainText("codice 104");
  await expect(pin).toContainText("Cosa fare: Copia di nuovo il PIN");
  await screenshotBothWidths(page, "sts-diagnosis-wrong-pin");
  expect(await page.content()).not.toContain(KIT.password);
});

test("an expiring certificate: banner for the practitioner, sending goes on; password and nickname warnings beside the fields", async ({
  page,
}) => {
  const email = await registerAndLogin(page, "Dott. Certificato In Scadenza");
  await setUpSts(page, email);
  await paidInvoices(email, 1, "2026-11-05");
  const simulatorKey = {
    privateKeyPem: SIMULATOR_PRIVATE_KEY_PEM,
    publicKeyPem: createPublicKey(SIMULATOR_PRIVATE_KEY_PEM).export({ type: "spki", format: "pem" }).toString(),
  };
  const expiring = makeEncryptionCertificate({ key: simulatorKey, to: new Date(Date.now() + 20 * 86_400_000) });
  try {
    expect(sts("install-certificate", installFile(expiring.certificatePem))).toMatch(/la stessa del certificato/);
    await page.goto("/fatture");
    const banner = page.getByTestId("sts-installation-banner");
    await expect(banner).toContainText(/Il certificato di cifratura del Sistema TS scade il .* \(tra (19|20) giorni\)/);
    await expect(banner).toContainText("Gli invii continuano normalmente");
    await page.goto("/impostazioni");
    await screenshotBothWidths(page, "sts-certificate-expiring");
    const cell = await sendNow(page, "1/2026");
    await expect(cell.locator("[data-sts-state]")).toHaveAttribute("data-sts-state", "accepted");
  } finally {
    await restoreShipped();
  }

  await page.goto("/impostazioni/sts");
  await page.getByLabel("Password del Sistema TS").fill("Sàlve€&.1");
  await expect(
    page.getByText(/contiene il simbolo €, la &, lettere accentate: il Sistema TS è segnalato/),
  ).toBeVisible();
  await page.getByLabel("Codice identificativo (facoltativo)").fill("MARIOROSSI66");
  await expect(page.getByText(/non sembra un codice fiscale: se è il nickname/)).toBeVisible();
  await screenshotBothWidths(page, "sts-settings-warnings");
  // Warnings never block: the settings are saved.
  await page.getByRole("button", { name: "Salva le impostazioni" }).click();
  await expect(page.getByText(/Impostazioni salvate/)).toBeVisible();
});
