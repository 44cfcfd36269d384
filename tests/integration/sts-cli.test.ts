import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { forgetStsCertificate } from "../../lib/services/sts/sts-certificate";
import { createStsSimulator } from "../../lib/sts/simulator/server";
import { KIT_STS } from "../../prisma/seed/factories/sts";
import { makeEncryptionCertificate, makePrivateCa } from "../certificates";
import { useSimulator } from "./sts-harness";
import { testDatabaseUrl, testDb } from "./test-db";

// `npm run sts -- …` as an administrator runs it: a separate process on the run's database and simulator.
const simulator = useSimulator();
const root = join(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "parcella-sts-cli-"));

afterEach(async () => {
  await testDb().stsCertificate.deleteMany({});
  forgetStsCertificate();
});

function sts(args: string[], env: Record<string, string | undefined> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [join(root, "node_modules/tsx/dist/cli.mjs"), join(root, "scripts/sts.ts"), ...args],
      {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: testDatabaseUrl(),
          STS_ENVIRONMENT: "simulator",
          STS_SIMULATOR_URL: simulator.sim.url,
          STS_USERNAME: undefined,
          STS_PASSWORD: undefined,
          STS_PINCODE: undefined,
          ...env,
        },
        timeout: 120_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const KIT = { STS_USERNAME: KIT_STS.username, STS_PASSWORD: KIT_STS.password, STS_PINCODE: KIT_STS.pincode };

describe("npm run sts -- install-certificate / certificate / remove-certificate", () => {
  it("installs from a file, reports the changed key, shows it in use, and goes back to the shipped one", async () => {
    const next = makeEncryptionCertificate();
    const file = join(dir, "SanitelCF.pem");
    writeFileSync(file, next.certificatePem);
    const install = await sts(["install-certificate", file]);
    expect(install.stderr).toBe("");
    expect(install.code).toBe(0);
    expect(install.stdout).toMatch(/la chiave pubblica è CAMBIATA/);
    expect(install.stdout).toMatch(/senza riavvio/);

    const status = await sts(["certificate"]);
    expect(status.stdout).toMatch(/Certificato di cifratura in uso \(installato il/);
    expect(status.stdout).toContain("CN=SanitelCF");

    expect((await sts(["remove-certificate"])).stdout).toMatch(/si torna a quello incluso in Parcella/);
    expect((await sts(["certificate"])).stdout).toMatch(/\(incluso in Parcella\)/);

    const refused = await sts(["install-certificate", join(root, "package.json")]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Certificato NON installato/);
  });

  it("STS_CERTIFICATE_FILE names a file that wins over the installed certificate", async () => {
    const managed = makeEncryptionCertificate({ cn: "SanitelCF gestito" });
    const file = join(dir, "managed.pem");
    writeFileSync(file, managed.certificatePem);
    const status = await sts(["certificate"], { STS_CERTIFICATE_FILE: file });
    expect(status.stdout).toMatch(/\(da STS_CERTIFICATE_FILE\)/);
    expect(status.stdout).toContain("SanitelCF gestito");
  });
});

describe("npm run sts -- doctor", () => {
  it("passes step by step with working credentials, without sending any document", async () => {
    const before = await (await fetch(`${simulator.sim.url}/__admin/counts`)).json();
    const doctor = await sts(["doctor"], KIT);
    expect(doctor.code).toBe(0);
    for (const line of [
      /✓ Risoluzione del nome: 127\.0\.0\.1/,
      /✓ Connessione e TLS: Il server risponde/,
      /✓ Utente e password \(HTTP Basic\)/,
      /✓ PIN/,
      /✓ Certificato di cifratura/,
      /✓ Orologio/,
      /Diagnostica superata/,
    ])
      expect(doctor.stdout).toMatch(line);
    const after = await (await fetch(`${simulator.sim.url}/__admin/counts`)).json();
    expect(after.requests.inviaFileMtom ?? 0).toBe(before.requests.inviaFileMtom ?? 0);
    expect(after.requests.DocumentoSpesa730p ?? 0).toBe(before.requests.DocumentoSpesa730p ?? 0);
  });

  it("says which step failed and what to do with a wrong PIN", async () => {
    const doctor = await sts(["doctor"], { ...KIT, STS_PINCODE: "1111111111" });
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/✓ Utente e password/);
    expect(doctor.stdout).toMatch(/✗ PIN: .*codice 104/);
    expect(doctor.stdout).toMatch(/Cosa fare: Copia di nuovo il PIN/);
    expect(doctor.stdout).toMatch(/il primo problema è «PIN»/);
  });

  it("a private CA: the TLS step fails with the advice without STS_CA_FILE, and passes with it", async () => {
    const ca = makePrivateCa();
    const https = await createStsSimulator({ tls: { certPem: ca.serverCertPem, keyPem: ca.serverKeyPem } });
    try {
      const caFile = join(dir, "ca.pem");
      writeFileSync(caFile, ca.caPem);
      const without = await sts(["doctor"], { ...KIT, STS_SIMULATOR_URL: https.url });
      expect(without.code).toBe(1);
      expect(without.stdout).toMatch(/✗ Connessione e TLS: .*autorità che questo computer non riconosce/);
      expect(without.stdout).toMatch(/Cosa fare: .*STS_CA_FILE/);
      expect(without.stdout).toMatch(/– PIN: Non verificato/);
      const withCa = await sts(["doctor"], { ...KIT, STS_SIMULATOR_URL: https.url, STS_CA_FILE: caFile });
      expect(withCa.stdout).toMatch(
        /✓ Connessione e TLS: .*Certificato del server: localhost, emesso da CA privata di prova/,
      );
      expect(withCa.stdout).toMatch(/✓ PIN/);
      expect(withCa.code).toBe(0);
    } finally {
      await https.close();
    }
  });
});
