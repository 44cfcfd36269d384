import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openBackup } from "../../lib/backup/backup-file";
import { listBackups } from "../../lib/backup/backup-folder";
import { runBackupIfDue, runRestoreDrill } from "../../lib/services/installation/run-backup";
import { createTestPatient } from "../../prisma/seed/factories/patients";
import { migrate } from "../../scripts/db.mjs";
import { restoreEncryptedSqlite } from "../../scripts/backup-sqlite";
import { registerTestPractitioner, testDatabaseProvider, testDatabaseUrl, testDb } from "./test-db";

const dir = mkdtempSync(join(tmpdir(), "parcella-auto-backup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const key = randomBytes(32);
const T0 = new Date("2026-12-02T01:40:00Z");
const hours = (n: number) => new Date(T0.getTime() + n * 60 * 60_000);

function options(folder: string, now: Date, extra: { keyFile?: string | null } = {}) {
  return {
    db: testDb(),
    databaseUrl: testDatabaseUrl(),
    folder,
    key,
    keyFile: extra.keyFile ?? null,
    dataDir: dir,
    now,
  };
}

// Every row of every table, in a stable order: two databases with the same dump hold the same data.
function dump(path: string) {
  const sqlite = new Database(path, { readonly: true });
  try {
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [name, sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]),
    );
  } finally {
    sqlite.close();
  }
}

async function jobRun(name: string) {
  return testDb().jobRun.findUnique({ where: { name } });
}

describe.runIf(testDatabaseProvider() === "sqlite")("automatic encrypted backups", () => {
  it("backs up on schedule once a day, encrypted, and restores to an identical database", async () => {
    const folder = join(dir, "schedule");
    const practitioner = await registerTestPractitioner("backup-owner");
    const patient = await createTestPatient(testDb(), practitioner.id, { firstName: "Ottavia", lastName: "Zanchetta" });

    const first = await runBackupIfDue(options(folder, T0));
    expect(first.made).toBe(true);
    expect(await runBackupIfDue(options(folder, hours(2)))).toEqual({ made: false, reason: "not-due" });
    expect(await runBackupIfDue(options(folder, hours(20)))).toEqual({ made: false, reason: "not-due" });
    const second = await runBackupIfDue(options(folder, hours(24)));
    expect(second.made).toBe(true);
    expect(listBackups(folder).map((b) => b.at)).toEqual([hours(24), T0]);

    // Nothing of the patient can be read in the file; the same bytes, opened with the key, hold them.
    const sealed = readFileSync(listBackups(folder)[0].file);
    for (const secret of ["Ottavia", "Zanchetta", patient.codiceFiscale!, practitioner.email]) {
      expect(sealed.includes(Buffer.from(secret, "utf8"))).toBe(false);
      expect(openBackup(sealed, key).includes(Buffer.from(secret, "utf8"))).toBe(true);
    }
    expect(() => openBackup(sealed, randomBytes(32))).toThrow(/danneggiato oppure la chiave/);
    // Not merely compressed: no offset of the file starts a gzip stream that opens.
    for (let offset = 0; offset < 64; offset++) expect(() => gunzipSync(sealed.subarray(offset))).toThrow();

    // The drill ran after each backup and counted what is inside.
    const drill = await jobRun("backup-drill");
    expect(drill?.ok).toBe(true);
    expect(JSON.parse(drill!.summary!)).toMatchObject({
      practitioners: expect.any(Number),
      patients: expect.any(Number),
    });
    expect((await jobRun("backup"))?.ok).toBe(true);

    // Restored into another database (already migrated, as a reinstalled Parcella would be): the same rows.
    const restoredPath = join(dir, "restored.db");
    migrate(`file:${restoredPath}`);
    restoreEncryptedSqlite({ from: listBackups(folder)[0].file, key, databaseUrl: `file:${restoredPath}` });
    const live = dump(testDatabaseUrl().slice("file:".length));
    const restored = dump(restoredPath);
    delete live.JobRun; // written after the backup was taken (the backup's own bookkeeping)
    delete restored.JobRun;
    expect(restored).toEqual(live);
  });

  it("the drill detects a damaged backup and the status keeps the failure", async () => {
    const folder = join(dir, "damaged");
    await runBackupIfDue(options(folder, T0));
    const file = listBackups(folder)[0].file;
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    writeFileSync(file, bytes);
    await expect(runRestoreDrill(options(folder, T0))).rejects.toThrow(/danneggiato/);
    const drill = await jobRun("backup-drill");
    expect(drill?.ok).toBe(false);
    expect(drill?.summary).toMatch(/danneggiato/);
  });

  it("prunes the folder by the retention rule: 7 daily, 4 weekly, 12 monthly", async () => {
    const folder = join(dir, "retention");
    mkdirSync(folder, { recursive: true });
    // 400 days of earlier backups (their content does not matter to the rule), and an unrelated file.
    for (let day = 1; day <= 400; day++) {
      const at = new Date(T0.getTime() - day * 24 * 60 * 60_000);
      writeFileSync(join(folder, `parcella-${at.toISOString().slice(0, 19).replace(/:/g, "-")}Z.db.enc`), "x");
    }
    writeFileSync(join(folder, "leggimi.txt"), "not a backup");
    const result = await runBackupIfDue(options(folder, T0));
    // Kept: 7 days (Dec 2 back to Nov 26), the newest of 2 more ISO weeks (Nov 22, Nov 15) and of 10 more months
    // (Oct 31 back to Jan 31; December and November are already kept): 19 of 401.
    expect(result).toMatchObject({ made: true, deleted: 382 });
    expect(listBackups(folder)).toHaveLength(19);
    const kept = listBackups(folder).map((b) => b.at.toISOString().slice(0, 10));
    expect(kept.slice(0, 7)).toEqual([
      "2026-12-02",
      "2026-12-01",
      "2026-11-30",
      "2026-11-29",
      "2026-11-28",
      "2026-11-27",
      "2026-11-26",
    ]);
    expect(kept).toContain("2026-11-22");
    expect(kept).toContain("2026-01-31");
    expect(kept).not.toContain("2025-12-31");
    expect(readFileSync(join(folder, "leggimi.txt"), "utf8")).toBe("not a backup");
  });

  it("refuses to keep the key inside the backup folder", async () => {
    const folder = join(dir, "with-key");
    await expect(runBackupIfDue(options(folder, T0, { keyFile: join(folder, "backup-key") }))).rejects.toThrow(
      /chiave dei backup non può stare nella cartella/,
    );
    expect((await jobRun("backup"))?.ok).toBe(false);
    expect(listBackups(folder)).toEqual([]);
  });
});

describe.runIf(testDatabaseProvider() === "postgresql")("automatic backups on PostgreSQL", () => {
  it("are left to the installation's own dump routine", async () => {
    expect(await runBackupIfDue(options(join(dir, "pg"), T0))).toEqual({ made: false, reason: "postgresql" });
  });
});
