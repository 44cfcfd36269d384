import { execFile } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { admin, clientFor, invoice, KIT_CREDENTIALS, PIVA, startSimulator } from "./helpers";

type CliRun = { code: number; stdout: string; stderr: string; json: any };

/** Runs `npm run sts -- …` as a separate process (asynchronously: the simulator answers from this one). */
function sts(url: string, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(process.cwd(), "node_modules/tsx/dist/cli.mjs"), join(process.cwd(), "lib/sts/cli/main.ts"), ...args],
      {
        env: {
          ...process.env,
          STS_USERNAME: KIT_CREDENTIALS.username,
          STS_PASSWORD: KIT_CREDENTIALS.password,
          STS_PINCODE: KIT_CREDENTIALS.pincode,
          STS_SIMULATOR_URL: url,
          ...env,
        },
        encoding: "utf8",
      },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
        let json: unknown = null;
        try {
          json = JSON.parse(stdout);
        } catch {
          json = null;
        }
        resolve({ code, stdout, stderr, json });
      },
    );
  });
}

// Each run starts a Node process with tsx: seconds on a busy machine, hence the generous timeout.
describe("CLI commands of the query services against a simulator", { timeout: 120_000 }, () => {
  it("query answers present and absent as JSON, with no secret in the output", async () => {
    const sim = await startSimulator();
    const doc = invoice({ id: { pIva: PIVA, dataEmissione: "2026-03-10", dispositivo: 2, numDocumento: "CLI-1" } });
    await clientFor(sim).sendDocument(doc);
    const present = await sts(sim.url, ["query", PIVA, "2026-03-10", "CLI-1", "--dispositivo", "2", "--verbose"]);
    expect(present.code).toBe(0);
    expect(present.json).toMatchObject({
      kind: "present",
      document: { id: doc.id, totals: [{ tipoSpesa: "SP", amountCents: 7000 }], nomeFile: "SERVIZIO SINCRONO" },
    });
    expect(present.json.exchanges).toHaveLength(1);
    expect(present.stdout).not.toMatch(/Salve123|3489543096/);
    const absent = await sts(sim.url, ["query", PIVA, "2026-03-10", "CLI-1"]);
    expect(absent.code).toBe(0);
    expect(absent.json).toMatchObject({ kind: "absent", code: "WS96" });
    expect(absent.json.exchanges).toBeUndefined();
  });

  it("monthly-report lists the month's documents; a wrong PIN exits 1 with a credentials failure", async () => {
    const sim = await startSimulator();
    await admin(sim, "documents", {
      documents: [
        {
          id: { pIva: PIVA, dataEmissione: "2026-02-03", numDocumento: "M-1" },
          items: [{ tipoSpesa: "SP", amountCents: 100 }],
        },
        {
          id: { pIva: PIVA, dataEmissione: "2026-02-04", numDocumento: "M-2" },
          items: [{ tipoSpesa: "SP", amountCents: 200 }],
        },
        {
          id: { pIva: PIVA, dataEmissione: "2026-03-01", numDocumento: "M-3" },
          items: [{ tipoSpesa: "SP", amountCents: 300 }],
        },
      ],
    });
    const report = await sts(sim.url, ["monthly-report", "2026-02", "--tipo", "p", "--url", sim.url]);
    expect(report.code).toBe(0);
    expect(report.json).toMatchObject({ kind: "ok", annoMese: "202602", tipoEstrazione: "P" });
    expect(report.json.rows.map((row: { id: { numDocumento: string } }) => row.id.numDocumento)).toEqual([
      "M-1",
      "M-2",
    ]);
    const wrongPin = await sts(sim.url, ["monthly-report", "2026-02", "--pincode", "1111111111"]);
    expect(wrongPin.code).toBe(1);
    expect(wrongPin.json).toMatchObject({ kind: "credentials", code: "104" });
  });

  it("citizen-reports and citizen-report read planted reports back", async () => {
    const sim = await startSimulator();
    const doc = invoice();
    await clientFor(sim).sendDocument(doc);
    await admin(sim, "citizen-reports", {
      id: doc.id,
      dataSegnalazione: "2026-04-15",
      segnalazioni: ["Non ho mai pagato questa fattura"],
      voci: [{ tipoSpesa: "SP", segnalazioneImporto: "0.00" }],
    });
    const list = await sts(sim.url, ["citizen-reports", "--from", "2026-04-01", "--to", "2026-04-30"]);
    expect(list.code).toBe(0);
    expect(list.json).toMatchObject({
      kind: "ok",
      rows: [{ id: doc.id, dataSegnalazione: "2026-04-15", segnalazione: "Non ho mai pagato questa fattura" }],
    });
    const detail = await sts(sim.url, ["citizen-report", PIVA, doc.id.dataEmissione, doc.id.numDocumento]);
    expect(detail.code).toBe(0);
    expect(detail.json).toMatchObject({
      kind: "reported",
      document: { reports: ["Non ho mai pagato questa fattura"], items: [{ tipoSpesa: "SP", reportedAmount: "0.00" }] },
    });
  });

  it("refuses wrong arguments with an Italian message and exit code 2, without calling STS", async () => {
    const sim = await startSimulator();
    const badDate = await sts(sim.url, ["query", PIVA, "10/03/2026", "1"]);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain("La data di emissione deve essere una data valida");
    const badPeriod = await sts(sim.url, ["citizen-reports", "--from", "2026-05-01", "--to", "2026-04-01"]);
    expect(badPeriod.code).toBe(2);
    expect(badPeriod.stderr).toContain("La data di fine non può precedere la data di inizio");
    expect((await admin(sim, "counts")).requests).toEqual({});
  });
});
