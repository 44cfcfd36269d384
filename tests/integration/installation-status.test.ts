import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { recordJobRun } from "../../lib/data/job-runs";
import { beat } from "../../lib/data/worker-heartbeats";
import { installationStatus } from "../../lib/services/installation/installation-status";
import { reportDump } from "../../lib/services/installation/report-dump";
import { isAdministrator } from "../../lib/services/installation/is-administrator";
import { registerTestPractitioner, testDatabaseProvider, testDb } from "./test-db";

const dataDir = mkdtempSync(join(tmpdir(), "parcella-status-"));

function status(now: Date) {
  return installationStatus({
    db: testDb(),
    now,
    provider: testDatabaseProvider(),
    dataDir,
    backupDir: join(dataDir, "backups"),
    backupsEnabled: true,
  });
}

const check = async (now: Date, key: string) => (await status(now)).checks.find((c) => c.key === key)!;

describe("the installation status", () => {
  it("turns red when the worker's heartbeat stops, green while it beats", async () => {
    const started = new Date("2026-12-02T09:00:00Z");
    const worker = { workerId: "studio:4242", hostname: "studio", pid: 4242, version: "0.1.0", startedAt: started };
    await beat(testDb(), worker, started);

    const beating = await check(new Date(started.getTime() + 30_000), "worker");
    expect(beating.level).toBe("ok");
    expect(beating.text).toMatch(/Ultimo segnale meno di un minuto fa/);

    const stopped = await status(new Date(started.getTime() + 10 * 60_000));
    expect(stopped.overall).toBe("error");
    const worker10 = stopped.checks.find((c) => c.key === "worker")!;
    expect(worker10.level).toBe("error");
    expect(worker10.text).toMatch(/10 minuti fa.*sembra fermo/);
  });

  it("reports a crash loop the launcher saw, even while a worker beats", async () => {
    const now = new Date();
    await beat(testDb(), { workerId: "studio:1", hostname: "studio", pid: 1, version: "0.1.0", startedAt: now }, now);
    const loop = {
      pid: 1,
      startedAt: now.toISOString(),
      updatedAt: now.toISOString(),
      processes: {
        "sts-simulator": {
          pid: null,
          startedAt: null,
          restarts: 6,
          lastExit: { at: now.toISOString(), reason: "exit code 1" },
          crashLoop: true,
        },
      },
    };
    writeFileSync(join(dataDir, "launcher-status.json"), JSON.stringify(loop));
    try {
      const worker = await check(new Date(now.getTime() + 1000), "worker");
      expect(worker.level).toBe("error");
      expect(worker.text).toMatch(
        /Si riavvia in continuazione: sts-simulator \(6 riavvii, ultimo motivo: exit code 1\)/,
      );
    } finally {
      rmSync(join(dataDir, "launcher-status.json"));
    }
  });

  it("shows the last backup, the drill's counts, pending migrations and the database", async () => {
    const now = new Date();
    await recordJobRun(testDb(), { name: "backup", startedAt: now, finishedAt: now, ok: true, summary: "{}" });
    await recordJobRun(testDb(), {
      name: "backup-drill",
      startedAt: now,
      finishedAt: now,
      ok: true,
      summary: JSON.stringify({ practitioners: 2, patients: 5, invoices: 9 }),
    });
    const result = await status(new Date(now.getTime() + 60_000));
    const byKey = Object.fromEntries(result.checks.map((c) => [c.key, c]));
    expect(byKey.migrations).toMatchObject({ level: "ok", text: "Il database è aggiornato." });
    if (testDatabaseProvider() === "sqlite") {
      expect(byKey.backup.level).toBe("ok");
      expect(byKey.drill.text).toMatch(/2 account, 5 pazienti e 9 fatture/);
    } else {
      expect(byKey.backup.text).toMatch(/pg_dump/);
    }
    expect(byKey.certificate.text).toMatch(/Valido fino al/);
    expect(byKey.disk.text).toMatch(/GB liberi/);

    // A failed backup is red, with its reason.
    await recordJobRun(testDb(), {
      name: "backup",
      startedAt: now,
      finishedAt: now,
      ok: false,
      summary: JSON.stringify({ error: "disco pieno" }),
    });
    if (testDatabaseProvider() === "sqlite") {
      expect(await check(new Date(now.getTime() + 60_000), "backup")).toMatchObject({
        level: "error",
        text: expect.stringMatching(/non è riuscito: disco pieno/),
      });
    }
  });

  it.runIf(testDatabaseProvider() === "postgresql")(
    "on PostgreSQL, shows the age of the dump the installation's routine reported, red for an empty one",
    async () => {
      const now = new Date();
      expect(await check(now, "backup")).toMatchObject({ level: "warn", text: /Nessun dump segnalato/ });
      const file = join(dataDir, "parcella-2026-12-01.dump");
      writeFileSync(file, Buffer.alloc(4096, 1));
      await reportDump({ db: testDb(), file });
      expect(await check(new Date(Date.now() + 60_000), "backup")).toMatchObject({
        level: "ok",
        text: expect.stringMatching(/Ultimo dump segnalato .*parcella-2026-12-01\.dump, 4 kB/),
      });
      // Three days without a new one: red.
      expect((await check(new Date(Date.now() + 3 * 24 * 3600_000), "backup")).level).toBe("error");
      const empty = join(dataDir, "vuoto.dump");
      writeFileSync(empty, "");
      await reportDump({ db: testDb(), file: empty });
      expect(await check(new Date(Date.now() + 60_000), "backup")).toMatchObject({
        level: "error",
        text: expect.stringMatching(/vuoto\.dump\) non è valido/),
      });
    },
  );

  it("the administrator is the configured e-mail, else the first account", async () => {
    const first = await registerTestPractitioner("first");
    const other = await registerTestPractitioner("other");
    // Other files' accounts may be older in a shared template: ask for the configured e-mail first.
    expect(await isAdministrator({ db: testDb(), practitioner: other, adminEmail: other.email.toUpperCase() })).toBe(
      true,
    );
    expect(await isAdministrator({ db: testDb(), practitioner: first, adminEmail: other.email })).toBe(false);
    expect(await isAdministrator({ db: testDb(), practitioner: other, adminEmail: undefined })).toBe(false);
    const earliest = await testDb().practitioner.findFirst({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(await isAdministrator({ db: testDb(), practitioner: earliest!, adminEmail: undefined })).toBe(true);
  });
});
